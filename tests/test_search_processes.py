"""The search index across real processes: a question posted to `practica serve` is indexed
by its background worker (another process, the only writer) and found through the web
processes; `practica reindex` from a third process meanwhile keeps search answering.

Runs against its own SQLite file and embedded index in a temporary PRACTICA_VAR_DIR.
"""

import json
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest

from tests.test_serve import REPO, START_TIMEOUT, free_port, get, practica, server_env

pytestmark = pytest.mark.xdist_group("serve")

SETUP = """
import django; django.setup()
from practica.accounts.models import Organisation, User
from practica.accounts.services import create_token
from practica.communities.services import create_community
host = Organisation.objects.create(name="Acme", slug="acme", is_host=True)
bob = User.objects.create_user(username="bob", password="x", organisation=host)
create_community(by=bob, slug="pumps", name="Pumps", purpose="Pump people.")
print(create_token(user=bob, name="t")[1])
"""


def call(url: str, token: str, payload: Mapping[str, object] | None = None) -> Any:
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"})
    if payload is not None:
        request.data = json.dumps(payload).encode()
        request.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


def wait_for(condition: Callable[[], bool], what: str, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.3)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str, dict[str, str]]]:
    var_dir: Path = tmp_path_factory.mktemp("search-var")
    env = server_env(var_dir)
    practica("migrate", "--noinput", env=env)
    practica("collectstatic", "--noinput", env=env)
    made = subprocess.run(
        [sys.executable, "-c", SETUP], cwd=REPO, env=env, capture_output=True, text=True
    )
    assert made.returncode == 0, made.stderr[-3000:]
    token = made.stdout.strip().splitlines()[-1]
    port = free_port()
    with (var_dir / "server.log").open("wb") as out:
        # With its background worker, as `make demo` runs it.
        process = subprocess.Popen(
            [sys.executable, "-m", "practica", "serve", "--port", str(port), "--workers", "2"],
            cwd=REPO,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for(lambda: _up(url), "practica serve", START_TIMEOUT)
        yield url, token, env
    finally:
        process.terminate()
        process.wait(timeout=20)


def _up(url: str) -> bool:
    try:
        return get(f"{url}/healthz").status == 200
    except OSError:
        return False


def found(url: str, token: str, word: str) -> int:
    return int(call(f"{url}/api/v1/search?q={word}", token)["total"])


def test_a_posted_question_is_indexed_by_the_worker_and_found_by_the_web(site):
    url, token, _env = site
    question = {"community": "pumps", "title": "Quenchwater flush on a slurry pump", "body": "Why?"}
    call(f"{url}/api/v1/questions", token, question)
    wait_for(lambda: found(url, token, "quenchwater") == 1, "the worker to index the question")


def test_a_reindex_from_another_process_keeps_search_answering(site):
    url, token, env = site
    call(
        f"{url}/api/v1/questions",
        token,
        {"community": "pumps", "title": "Impeller trimming rules", "body": "Trim?"},
    )
    wait_for(lambda: found(url, token, "trimming") == 1, "the worker to index the question")
    practica("reindex", env=env)
    assert found(url, token, "trimming") == 1
