"""Drive the installed `growthtui` in a real terminal: tmux send-keys / capture-pane, with
colours read back from `capture-pane -e`; and over SSH, through a throwaway `sshd` on
127.0.0.1 with a key-only login."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

import pytest

TODAY = "2026-11-24"


def growthtui_command() -> str:
    """The installed console script (what a person runs): the one beside this interpreter
    (this environment's), else the one on PATH, else `python -m growthtui`."""
    beside = Path(sys.executable).with_name("growthtui")
    found = str(beside) if beside.is_file() else shutil.which("growthtui")
    return shlex.quote(found) if found else f"{shlex.quote(sys.executable)} -m growthtui"


class Terminal:
    """One tmux session on a private server, torn down at the end."""

    def __init__(self, env: dict[str, str], width: int = 100, height: int = 30) -> None:
        self.socket = f"growthtui-test-{uuid.uuid4().hex[:8]}"
        self.session = "t"
        self.env = env
        self.width = width
        self.height = height

    def tmux(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["tmux", "-L", self.socket, *args],
            check=check,
            capture_output=True,
            text=True,
            env=self.env,
        )

    def start(self, command: str) -> None:
        # The app draws on stderr: never redirect it. The trailing sleep keeps the pane
        # (and the exit code line) readable after the app quits.
        wrapped = f"{command}; echo EXITED $?; sleep 30"
        self.tmux(
            "new-session",
            "-d",
            "-s",
            self.session,
            "-x",
            str(self.width),
            "-y",
            str(self.height),
            wrapped,
        )
        self.tmux("set", "-g", "escape-time", "10")

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", self.session, *keys)

    def type(self, text: str) -> None:
        self.tmux("send-keys", "-t", self.session, "-l", text)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", self.session).stdout

    def wait_until_still(self, quiet: float = 0.5, timeout: float = 30.0) -> str:
        """Poll until the screen (with its colours) has not changed for `quiet` seconds:
        the app has caught up with every key sent so far."""
        deadline = time.monotonic() + timeout
        shown = self.tmux("capture-pane", "-p", "-e", "-t", self.session).stdout
        since = time.monotonic()
        while time.monotonic() < deadline:
            time.sleep(0.1)
            now = self.tmux("capture-pane", "-p", "-e", "-t", self.session).stdout
            if now != shown:
                shown, since = now, time.monotonic()
            elif time.monotonic() - since >= quiet:
                return self.screen()
        raise AssertionError(f"the screen kept changing for {timeout}s:\n{self.screen()}")

    def wait_for_style(
        self, text: str, check: Callable[[CellStyle], bool], timeout: float = 30.0
    ) -> None:
        """Poll until `text` is on screen drawn the way `check` wants (e.g. bold: focused)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                if check(self.style_of(text)):
                    return
            except AssertionError:
                pass  # not on screen yet
            time.sleep(0.1)
        raise AssertionError(f"{text!r} not drawn as expected within {timeout}s:\n{self.screen()}")

    def styled_screen(self) -> list[list[tuple[str, CellStyle]]]:
        """The screen as lines of (character, how it is drawn), from `capture-pane -e`."""
        shown = self.tmux("capture-pane", "-p", "-e", "-t", self.session).stdout
        return [parse_sgr_line(line) for line in shown.splitlines()]

    def style_of(self, text: str, at: str = "") -> CellStyle:
        """How `text`, where it first shows on screen, is drawn: its first character, or
        the first character of `at` within it."""
        for line in self.styled_screen():
            plain = "".join(character for character, _ in line)
            found = plain.find(text)
            if found >= 0:
                return line[found + max(text.find(at), 0)][1]
        raise AssertionError(f"{text!r} is not on screen:\n{self.screen()}")

    def colours(self) -> set[str]:
        """Every colour the screen uses, as SGR parameters: "5;236", "2;40;40;40", "31"."""
        return {
            colour
            for line in self.styled_screen()
            for _, style in line
            for colour in (style.fg, style.bg)
            if colour is not None
        }

    def pane_pid(self) -> int:
        """The process tmux started in the pane (the shell running the command)."""
        shown = self.tmux("display-message", "-p", "-t", self.session, "#{pane_pid}").stdout
        return int(shown.strip())

    def wait_for(self, text: str, timeout: float = 30.0) -> str:
        """Poll the screen until `text` shows; fail with what was on screen."""
        deadline = time.monotonic() + timeout
        shown = ""
        while time.monotonic() < deadline:
            shown = self.screen()
            if text in shown:
                return shown
            time.sleep(0.1)
        raise AssertionError(f"{text!r} did not appear within {timeout}s; screen was:\n{shown}")

    def close(self) -> None:
        self.tmux("kill-server", check=False)


@pytest.fixture
def terminal_env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "HOME": str(tmp_path / "home"),
            "XDG_DATA_HOME": str(tmp_path / "home" / ".local" / "share"),
            "XDG_CONFIG_HOME": str(tmp_path / "home" / ".config"),
            "GROWTHTUI_TODAY": TODAY,
            "TERM": "xterm-256color",
        }
    )
    for name in ("GROWTHTUI_DATA", "GROWTHTUI_CONFIG", "NO_COLOR", "COLORTERM", "TMUX"):
        env.pop(name, None)
    return env


@pytest.fixture
def terminal(terminal_env: dict[str, str]) -> Iterator[Terminal]:
    if shutil.which("tmux") is None:
        pytest.skip(
            "TMUX IS NOT INSTALLED: the real-terminal tests did not run (apt-get install -y tmux)"
        )
    term = Terminal(terminal_env)
    yield term
    term.close()


def run_cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*shlex.split(growthtui_command()), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )


# -- colours read back from tmux -------------------------------------------------------------
@dataclass(frozen=True)
class CellStyle:
    """What a terminal cell is drawn with (SGR state), as tmux reports it."""

    fg: str | None = None
    bg: str | None = None
    bold: bool = False
    dim: bool = False
    italic: bool = False
    underline: bool = False
    reverse: bool = False


_SGR = re.compile(r"\x1b\[([0-9;:]*)m")
_OTHER_ESCAPE = re.compile(r"\x1b(\[[0-9;?]*[A-Za-ln-z]|\][^\x07\x1b]*(\x07|\x1b\\))")
_FLAGS = {1: "bold", 2: "dim", 3: "italic", 4: "underline", 7: "reverse"}
_UNSET = {22: ("bold", "dim"), 23: ("italic",), 24: ("underline",), 27: ("reverse",)}


def _apply_sgr(state: dict[str, object], text: str) -> None:
    params = [int(p) if p else 0 for p in re.split("[;:]", text)] if text else [0]
    i = 0
    while i < len(params):
        code = params[i]
        if code == 0:
            state.clear()
        elif code in _FLAGS:
            state[_FLAGS[code]] = True
        elif code in _UNSET:
            for name in _UNSET[code]:
                state.pop(name, None)
        elif 30 <= code <= 37 or 90 <= code <= 97:
            state["fg"] = str(code)
        elif 40 <= code <= 47 or 100 <= code <= 107:
            state["bg"] = str(code)
        elif code in (39, 49):
            state.pop("fg" if code == 39 else "bg", None)
        elif code in (38, 48) and i + 1 < len(params):
            target = "fg" if code == 38 else "bg"
            if params[i + 1] == 5 and i + 2 < len(params):
                state[target] = f"5;{params[i + 2]}"
                i += 2
            elif params[i + 1] == 2 and i + 4 < len(params):
                state[target] = "2;" + ";".join(str(p) for p in params[i + 2 : i + 5])
                i += 4
        i += 1


def parse_sgr_line(line: str) -> list[tuple[str, CellStyle]]:
    """One line of `capture-pane -e` as (character, style) pairs."""
    line = _OTHER_ESCAPE.sub("", line)
    state: dict[str, object] = {}
    cells: list[tuple[str, CellStyle]] = []
    at = 0
    for match in _SGR.finditer(line):
        style = CellStyle(**state)  # type: ignore[arg-type]
        cells += [(character, style) for character in line[at : match.start()]]
        _apply_sgr(state, match.group(1))
        at = match.end()
    style = CellStyle(**state)  # type: ignore[arg-type]
    cells += [(character, style) for character in line[at:]]
    return cells


def is_grey(colour: str) -> bool:
    """A colour with no hue: the 256-colour grey ramp, black and white, or r = g = b."""
    parts = colour.split(";")
    if parts[0] == "5":
        number = int(parts[1])
        return number in (0, 7, 8, 15, 16, 231) or 232 <= number <= 255
    if parts[0] == "2":
        return len(set(parts[1:])) == 1
    return int(colour) in (30, 37, 40, 47, 90, 97, 100, 107)


# -- processes ---------------------------------------------------------------------------
def find_processes(matches: Callable[[list[str]], bool]) -> list[int]:
    """Pids of live processes whose arguments satisfy `matches` (zombies count as gone)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            argv = (entry / "cmdline").read_bytes().split(b"\0")
            state = (entry / "stat").read_text().rpartition(")")[2].split()[0]
        except OSError:
            continue
        args = [a.decode(errors="replace") for a in argv if a]
        if args and state != "Z" and matches(args):
            found.append(int(entry.name))
    return found


def is_running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
    except OSError:
        return False
    return state != "Z"


def wait_until_gone(pid: int, timeout: float = 30.0) -> bool:
    """Poll until process `pid` has ended; False if it still runs after `timeout`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not is_running(pid):
            return True
        time.sleep(0.1)
    return not is_running(pid)


# -- SSH ---------------------------------------------------------------------------------
def _loud_skip(why: str) -> NoReturn:
    pytest.skip(f"THE SSH TESTS DID NOT RUN: {why.upper()}")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _find_sshd() -> str | None:
    search = os.pathsep.join([os.environ.get("PATH", ""), "/usr/sbin", "/usr/local/sbin"])
    return shutil.which("sshd", path=search)


@dataclass
class SshServer:
    """A throwaway `sshd` on 127.0.0.1: one host key, one client key, this user only."""

    port: int
    key: Path
    log: Path

    def ssh(self, remote: str, *, terminal: bool = True) -> list[str]:
        """The ssh command line that runs `remote` there (in a terminal: `-tt`)."""
        return [
            "ssh",
            *(["-tt"] if terminal else ["-T"]),
            "-F",
            "/dev/null",  # no user ssh config (ControlMaster, jump hosts) gets in the way
            "-p",
            str(self.port),
            "-i",
            str(self.key),
            "-o",
            "IdentitiesOnly=yes",
            "-o",
            "BatchMode=yes",
            "-o",
            "StrictHostKeyChecking=no",
            "-o",
            "UserKnownHostsFile=/dev/null",
            "-o",
            "LogLevel=ERROR",
            "127.0.0.1",
            remote,
        ]

    def log_tail(self, lines: int = 15) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no sshd log)"


def remote_growthtui(env: dict[str, str], *args: str) -> str:
    """The command an SSH login runs: the login's own environment is not the test's, so
    what the app needs (isolated home, fixed date) is passed in the command itself."""
    passed = {name: env[name] for name in REMOTE_ENV if name in env}
    assignments = [f"{name}={value}" for name, value in passed.items()]
    return shlex.join(["env", *assignments, *shlex.split(growthtui_command()), *args])


REMOTE_ENV = (
    "HOME",
    "XDG_DATA_HOME",
    "XDG_CONFIG_HOME",
    "XDG_STATE_HOME",
    "GROWTHTUI_TODAY",
    "NO_COLOR",
)


def _sshd_config(folder: Path, port: int) -> Path:
    user = _current_user()
    config = folder / "sshd_config"
    config.write_text(
        "\n".join(
            [
                "ListenAddress 127.0.0.1",
                f"Port {port}",
                f"HostKey {folder / 'host_ed25519'}",
                f"AuthorizedKeysFile {folder / 'authorized_keys'}",
                f"AllowUsers {user}",
                "PidFile none",
                "StrictModes no",
                "UsePAM no",
                "PubkeyAuthentication yes",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "PermitRootLogin prohibit-password",
                "AllowTcpForwarding no",
                "X11Forwarding no",
                "PrintMotd no",
                "PrintLastLog no",
                "LoginGraceTime 60",
                "",
            ]
        )
    )
    return config


def _current_user() -> str:
    import pwd

    return pwd.getpwuid(os.getuid()).pw_name


def _keygen(path: Path) -> None:
    subprocess.run(
        ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "growthtui-test", "-f", str(path)],
        check=True,
        capture_output=True,
        timeout=60,
    )


def _start_sshd(sshd: str, folder: Path) -> tuple[subprocess.Popen[bytes], SshServer]:
    """Start sshd on a free port and wait until it listens (a few tries: another process
    may take the port between choosing and binding it)."""
    log = folder / "sshd.log"
    for _attempt in range(3):
        port = _free_port()
        config = _sshd_config(folder, port)
        with log.open("wb") as sink:
            process = subprocess.Popen(
                [sshd, "-D", "-e", "-f", str(config)],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=sink,
            )
        server = SshServer(port=port, key=folder / "client_ed25519", log=log)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and process.poll() is None:
            if f"listening on 127.0.0.1 port {port}" in log.read_text(errors="replace"):
                return process, server
            time.sleep(0.1)
        if process.poll() is None:
            process.kill()
            process.wait(timeout=30)
        if "Address already in use" not in log.read_text(errors="replace"):
            break
    _loud_skip(f"sshd could not start here: {server.log_tail()}")


@pytest.fixture(scope="module")
def ssh_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SshServer]:
    """A running sshd that lets this user in with a throwaway key; skipped loudly (never
    quietly) where sshd cannot run."""
    sshd = _find_sshd()
    if sshd is None:
        _loud_skip("sshd is not installed (apt-get install -y openssh-server)")
    for tool in ("ssh", "ssh-keygen", "tmux"):
        if shutil.which(tool) is None:
            _loud_skip(f"{tool} is not installed (apt-get install -y openssh-client tmux)")
    if os.geteuid() == 0 and not Path("/run/sshd").is_dir():
        # sshd running as root insists on its privilege-separation folder, which Debian's
        # service unit normally creates at boot.
        try:
            Path("/run/sshd").mkdir(mode=0o755, parents=True, exist_ok=True)
        except OSError as error:
            _loud_skip(f"/run/sshd is missing and cannot be created ({error})")
    folder = tmp_path_factory.mktemp("sshd")
    _keygen(folder / "host_ed25519")
    _keygen(folder / "client_ed25519")
    (folder / "authorized_keys").write_text((folder / "client_ed25519.pub").read_text())
    process, server = _start_sshd(sshd, folder)
    try:
        login = subprocess.run(
            server.ssh("true", terminal=False),
            capture_output=True,
            text=True,
            timeout=120,
            stdin=subprocess.DEVNULL,
        )
        if login.returncode != 0:
            log = server.log_tail()
            if re.search(r"locked|not allowed|no shell", log, re.IGNORECASE):
                _loud_skip(f"sshd runs but refuses this account: {log}")
            pytest.fail(f"cannot log in over ssh: {login.stderr.strip()}\nsshd log:\n{log}")
        yield server
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=30)
