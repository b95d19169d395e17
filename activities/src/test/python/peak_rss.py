"""Peak resident memory of the calling process, shared by the benchmark baselines."""


def peak_rss_mib():
    """VmHWM of this process (ru_maxrss would include the JVM that started it: Linux keeps the
    high-water mark across fork and exec)."""
    with open("/proc/self/status") as f:
        return next(int(l.split()[1]) for l in f if l.startswith("VmHWM:")) / 1024
