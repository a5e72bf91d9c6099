"""Runs the calling script inside a venv of the repository that has the PyPI packages it
needs, making the venv on first use: the benchmark and sample scripts share this instead of
each carrying its own copy."""
import importlib
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def ensure(venv, modules, packages, who):
    """Returns when every module in `modules` imports; otherwise installs `packages` into
    ROOT/`venv` and re-runs the script there (never returns)."""
    try:
        for m in modules:
            importlib.import_module(m)
        return
    except ImportError:
        pass
    path = os.path.join(ROOT, venv)
    py = os.path.join(path, "bin", "python")
    if os.path.abspath(sys.executable) == os.path.abspath(py):
        sys.exit(f"{who}: {', '.join(modules)} missing in {venv}")
    if not os.path.exists(py):
        subprocess.check_call([sys.executable, "-m", "venv", path])
    subprocess.check_call([py, "-m", "pip", "install", "-q"] + packages)
    os.execv(py, [py] + sys.argv)
