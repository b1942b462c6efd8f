"""The Kubernetes manifests: KEDA scales on every shard stream's lag, probes use what the
service offers, and the alerts and dashboard name only metrics the service exports."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from moderation.metrics import Metrics
from moderation.store import keys

K8S = Path(__file__).parent.parent / "k8s"


def documents(name: str) -> list[dict[str, Any]]:
    return [doc for doc in yaml.safe_load_all((K8S / name).read_text()) if doc]


def of_kind(name: str, kind: str) -> dict[str, Any]:
    [found] = [doc for doc in documents(name) if doc["kind"] == kind]
    return found


def test_keda_has_a_lag_trigger_for_every_shard_stream() -> None:
    """One redis-streams trigger per shard of the ConfigMap's MODERATION_SHARDS, on group
    "workers", with lagCount, targeting the worker Deployment."""
    shards = int(of_kind("configmap.yaml", "ConfigMap")["data"]["MODERATION_SHARDS"])
    scaled = of_kind("keda.yaml", "ScaledObject")
    assert scaled["spec"]["scaleTargetRef"]["name"] == "moderation-worker"
    triggers = scaled["spec"]["triggers"]
    assert {t["type"] for t in triggers} == {"redis-streams"}
    assert [t["metadata"]["stream"] for t in triggers] == [keys.queue(n) for n in range(shards)]
    assert all(t["metadata"]["consumerGroup"] == keys.GROUP for t in triggers)
    assert all(int(t["metadata"]["lagCount"]) > 0 for t in triggers)


def test_probes_use_the_heartbeat_check_and_health_routes() -> None:
    """The worker's liveness runs `moderation worker --check`; the API has a startup probe
    and sleeps before it stops."""
    worker = of_kind("worker.yaml", "Deployment")["spec"]["template"]["spec"]["containers"][0]
    assert worker["livenessProbe"]["exec"]["command"] == ["moderation", "worker", "--check"]
    assert "--metrics-port" in worker["args"]
    api = of_kind("api.yaml", "Deployment")["spec"]["template"]["spec"]
    container = api["containers"][0]
    assert container["startupProbe"]["httpGet"]["path"] == "/healthz"
    assert container["readinessProbe"]["httpGet"]["path"] == "/readyz"
    assert container["lifecycle"]["preStop"]["exec"]["command"][0] == "sleep"
    assert api["topologySpreadConstraints"]


def test_network_policy_denies_by_default() -> None:
    """A policy selecting every pod with no rules denies all ingress and egress."""
    deny = next(d for d in documents("networkpolicy.yaml") if d["spec"]["podSelector"] == {})
    assert deny["spec"]["policyTypes"] == ["Ingress", "Egress"]
    assert "ingress" not in deny["spec"] and "egress" not in deny["spec"]


def exported() -> set[str]:
    text = Metrics().exposition().decode()
    names = {line.split(" ")[2] for line in text.splitlines() if line.startswith("# HELP ")}
    return names | {f"{n}_{s}" for n in names for s in ("bucket", "count", "sum")}


def test_alerts_and_dashboard_name_only_exported_metrics() -> None:
    """Every moderation_* series in alerts.yaml and the dashboard is one the service exports."""
    rules = of_kind("alerts.yaml", "PrometheusRule")["spec"]["groups"][0]["rules"]
    exprs = [rule["expr"] for rule in rules]
    panels = json.loads((K8S / "dashboards" / "moderation.json").read_text())["panels"]
    exprs += [target["expr"] for panel in panels for target in panel["targets"]]
    used = {name for expr in exprs for name in re.findall(r"moderation_[a-z_]+", expr)}
    assert used and used <= exported()
    alerts = {rule["alert"] for rule in rules}
    assert {"ModerationBacklogGrowing", "ModerationHeldTooLong", "ModerationDeadLetters"} <= alerts
    assert "ModerationWorkerHeartbeatMissing" in alerts


@pytest.mark.skipif(shutil.which("kubectl") is None, reason="kubectl is not installed")
def test_kustomization_renders() -> None:
    """`kubectl kustomize k8s/` renders every resource, the dashboard ConfigMap included."""
    rendered = subprocess.run(
        ["kubectl", "kustomize", str(K8S)], capture_output=True, text=True, check=True
    ).stdout
    kinds = {doc["kind"] for doc in yaml.safe_load_all(rendered) if doc}
    assert {"Deployment", "ScaledObject", "NetworkPolicy", "PrometheusRule", "ConfigMap"} <= kinds
