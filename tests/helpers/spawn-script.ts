/**
 * A python3 script that starts a grandchild and then hangs, writing both pids to argv[1]: only
 * killing the whole process group stops both (lab run timeouts, Ctrl-C, and lynx being killed).
 */
export const SPAWN_GRANDCHILD = `import subprocess, sys, time, os
g = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
with open(sys.argv[1], "w") as f:
    f.write(f"{os.getpid()} {g.pid}")
print("started", flush=True)
time.sleep(120)
`;
