"""Ctrl+C and SIGTERM for the long-running commands (`watch`, `run`): ask to stop, finish the work in hand first."""

from __future__ import annotations

import logging
import signal
import threading

log = logging.getLogger("wkb_desk")


def stop_on_signals(message: str) -> threading.Event:
    """An event that Ctrl+C or SIGTERM sets (logging `message` once each time), instead of killing the process."""
    stop = threading.Event()

    def _stop(signum, frame):  # noqa: ARG001
        log.info(message)
        stop.set()

    signal.signal(signal.SIGINT, _stop)
    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, _stop)
    return stop
