"""The real production server (`practica serve`: gunicorn + WhiteNoise) answers on plain http.

It runs against its own migrated SQLite file in a temporary PRACTICA_VAR_DIR, whatever
database the rest of the suite uses, so it runs on every pass.
"""

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from http.client import HTTPResponse
from pathlib import Path

import pytest

# One server for the module: keep its tests on one xdist worker, in file order.
pytestmark = pytest.mark.xdist_group("serve")

REPO = Path(__file__).resolve().parents[1]
START_TIMEOUT = 20.0


@dataclass
class Server:
    url: str
    var_dir: Path
    process: subprocess.Popen[bytes]
    log: Path

    def output(self) -> str:
        return self.log.read_text(errors="replace")[-4000:]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def server_env(var_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PRACTICA_", "DJANGO_"))}
    env.pop("REDIS_URL", None)
    env.update(
        DJANGO_SETTINGS_MODULE="practica.settings",
        PRACTICA_VAR_DIR=str(var_dir),
        DATABASE_URL=f"sqlite:///{var_dir / 'practica.sqlite3'}",
        PRACTICA_NODE_MODULES=str(REPO / "node_modules"),
        PRACTICA_LOG_LEVEL="WARNING",
    )
    return env


def practica(*args: str, env: dict[str, str]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "practica", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, f"practica {' '.join(args)} failed:\n{result.stderr[-4000:]}"


def get(url: str) -> HTTPResponse:
    try:
        response: HTTPResponse = urllib.request.urlopen(url, timeout=10)
    except urllib.error.HTTPError as error:
        return error  # type: ignore[return-value]
    return response


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    var_dir = tmp_path_factory.mktemp("serve-var")
    env = server_env(var_dir)
    practica("migrate", "--noinput", env=env)
    practica("collectstatic", "--noinput", env=env)

    port = free_port()
    log = var_dir / "server.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "practica", "serve", "--port", str(port), "--no-worker"],
            cwd=REPO,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    running = Server(url=f"http://127.0.0.1:{port}", var_dir=var_dir, process=process, log=log)
    deadline = time.monotonic() + START_TIMEOUT
    while True:
        if process.poll() is not None:
            pytest.fail(f"practica serve exited early:\n{running.output()}", pytrace=False)
        try:
            if get(f"{running.url}/healthz").status == 200:
                break
        except OSError:
            pass
        if time.monotonic() > deadline:
            process.kill()
            pytest.fail(
                f"practica serve did not answer in time:\n{running.output()}", pytrace=False
            )
        time.sleep(0.2)
    try:
        yield running
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=10)


def test_the_production_server_answers_200_on_the_landing_page_over_plain_http(
    server: Server,
) -> None:
    response = get(f"{server.url}/")

    assert response.status == 200, server.output()
    assert b"<html" in response.read()


def test_the_csrf_cookie_is_not_secure_only_on_plain_http(server: Server) -> None:
    response = get(f"{server.url}/")

    cookies = response.headers.get_all("Set-Cookie") or []
    csrf = [c for c in cookies if c.startswith("csrftoken=")]
    assert csrf, f"GET / set no csrftoken cookie: {cookies}"
    assert "secure" not in [part.strip().lower() for part in csrf[0].split(";")]


def test_static_files_are_served_by_whitenoise_with_hashed_names_and_far_future_caching(
    server: Server,
) -> None:
    manifest = json.loads((server.var_dir / "static" / "staticfiles.json").read_text())
    hashed = manifest["paths"]["css/practica.css"]
    assert re.fullmatch(r"css/practica\.[0-9a-f]{8,}\.css", hashed)

    response = get(f"{server.url}/static/{hashed}")

    assert response.status == 200
    assert response.headers["Content-Type"].startswith("text/css")
    max_age = re.search(r"max-age=(\d+)", response.headers.get("Cache-Control", ""))
    assert max_age and int(max_age.group(1)) >= 365 * 24 * 3600


def test_pages_link_the_hashed_static_files(server: Server) -> None:
    page = get(f"{server.url}/").read().decode()

    assert re.search(r'href="/static/css/practica\.[0-9a-f]{8,}\.css"', page), page[:2000]


def test_the_server_stops_cleanly_on_sigterm(server: Server) -> None:
    server.process.send_signal(signal.SIGTERM)

    assert server.process.wait(timeout=15) == 0, server.output()
    with pytest.raises(OSError):
        get(f"{server.url}/healthz")
