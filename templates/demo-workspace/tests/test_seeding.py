import os
import random
import subprocess
import sys
import unittest

from src.utils.seeding import log_versions, seed_everything


class SeedingTest(unittest.TestCase):
    def test_random_is_deterministic(self) -> None:
        seed_everything(42)
        a = [random.random() for _ in range(5)]
        seed_everything(42)
        b = [random.random() for _ in range(5)]
        self.assertEqual(a, b)

    def test_seed_sets_pythonhashseed_for_children(self) -> None:
        seed_everything(7)
        self.assertEqual(os.environ.get("PYTHONHASHSEED"), "7")

    def test_hash_order_is_stable_across_processes(self) -> None:
        # Two fresh interpreters started after seed_everything must agree on hash(str) order.
        seed_everything(0)
        code = "print(sorted({'work','play','walk','study','listen'}, key=hash))"
        runs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout for _ in range(4)}
        self.assertEqual(len(runs), 1, f"hash order differs across processes: {runs}")

    def test_log_versions_has_python(self) -> None:
        self.assertIn("python", log_versions())


if __name__ == "__main__":
    unittest.main()
