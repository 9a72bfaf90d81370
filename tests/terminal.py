"""A command run on a real pseudo-terminal, answered as a person would: wait for the
question, type the answer, press Enter. ``jdgen new`` sees a terminal (``isatty``), so it
asks, echoes and reads exactly as it does for a recruiter."""

from __future__ import annotations

import codecs
import os
import pty
import select
import subprocess
import time
from collections.abc import Sequence
from pathlib import Path

#: How long to wait for a question before the test fails (a hang is a failure, not a
#: measurement: nothing here is timed).
WAIT = 60.0


class Terminal:
    """One command on a pseudo-terminal."""

    def __init__(self, argv: Sequence[str], cwd: Path, env: dict[str, str]) -> None:
        self._master, slave = pty.openpty()
        self.process = subprocess.Popen(
            list(argv),
            cwd=cwd,
            env=env,
            stdin=slave,
            stdout=slave,
            stderr=slave,
            start_new_session=True,  # the terminal is its controlling one
        )
        os.close(slave)
        self._decoder = codecs.getincrementaldecoder("utf-8")("replace")
        self.screen = ""  # everything shown so far: questions, echoed answers, messages
        self._read_to = 0

    def _read(self, deadline: float) -> bool:
        """Read what the command wrote; False at its end."""
        ready, _, _ = select.select([self._master], [], [], max(0.0, deadline - time.monotonic()))
        if not ready:
            raise AssertionError(f"no answer from the command; the terminal shows:\n{self.screen}")
        try:
            data = os.read(self._master, 4096)
        except OSError:  # EIO: the command has ended and closed the terminal
            data = b""
        self.screen += self._decoder.decode(data, final=not data)
        return bool(data)

    def expect(self, text: str) -> None:
        """Wait until ``text`` is shown (after what was already waited for)."""
        deadline = time.monotonic() + WAIT
        while text not in self.screen[self._read_to :]:
            if not self._read(deadline):
                raise AssertionError(
                    f"the command ended before showing {text!r}; the terminal shows:\n{self.screen}"
                )
        self._read_to = self.screen.index(text, self._read_to) + len(text)

    def answer(self, question: str, typed: str) -> None:
        """Wait for ``question``, then type ``typed`` and Enter."""
        self.expect(question)
        os.write(self._master, typed.encode("utf-8") + b"\r")

    def finish(self) -> int:
        """Read to the end; the exit code."""
        deadline = time.monotonic() + WAIT
        while self._read(deadline):
            pass
        os.close(self._master)
        return self.process.wait(timeout=WAIT)
