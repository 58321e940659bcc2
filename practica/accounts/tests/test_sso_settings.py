import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

PROBE = (
    "import json; from practica import settings as s; print(json.dumps(s.SOCIALACCOUNT_PROVIDERS))"
)


def providers(tmp_path: Path, **env: str) -> Any:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("PRACTICA_OIDC")}
    environment.update(env, PRACTICA_VAR_DIR=str(tmp_path))
    output = subprocess.run(
        [sys.executable, "-c", PROBE], env=environment, capture_output=True, text=True, check=True
    )
    return json.loads(output.stdout)


def test_single_sign_on_is_off_until_configured(tmp_path: Path) -> None:
    assert providers(tmp_path) == {}


def test_oidc_single_sign_on_comes_from_the_environment(tmp_path: Path) -> None:
    configured = providers(
        tmp_path,
        PRACTICA_OIDC_CLIENT_ID="practica",
        PRACTICA_OIDC_CLIENT_SECRET="s3cret",
        PRACTICA_OIDC_SERVER_URL="https://login.example/realms/acme",
        PRACTICA_OIDC_NAME="Acme sign-in",
    )
    app = configured["openid_connect"]["APPS"][0]
    assert app["client_id"] == "practica"
    assert app["name"] == "Acme sign-in"
    assert app["settings"]["server_url"] == "https://login.example/realms/acme"
