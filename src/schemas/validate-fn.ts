import type { ErrorObject } from 'ajv';

/** The shape of an ajv standalone validator (generated at build time, see scripts/gen-schemas.ts). */
export interface ValidateFn {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}
