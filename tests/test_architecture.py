"""The portal's shape, checked from its imports so that it cannot silently break later.

- ``core`` imports no app of the portal; every app imports only ``core`` and the apps below it:
  core ← accreditation ← home ← events ← volunteers ← cooperation.
- From ``accreditation`` the other apps use only organisations, applications, standards and
  certificates (the kernel they once took from it lives in ``core``).
- No two modules import each other, directly or through others, at module level or inside a
  function.
- Apps react to another app's records through ``core.lifecycle.status_changed``, never through
  model signals (``post_save`` …) of another app's models.

Imports are read from the source (``ast``), so an import hidden inside a function counts.
"""

import ast
from functools import cache
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.db.models import signals

ROOT = Path(settings.BASE_DIR)
# Dependency order: each app may import the apps before it.
APPS = ["core", "accreditation", "home", "events", "volunteers", "cooperation"]
# What the other apps may take from accreditation: its own domain, never kernel helpers.
ACCREDITATION_FOR_OTHERS = {
    "accreditation.models",  # organisations, memberships, applications, standards, certificates
    "accreditation.organisations",
    "accreditation.applications",
    "accreditation.standards",
    "accreditation.certificates",
    "accreditation.permissions",  # membership_role: who belongs to an organisation
    "accreditation.profile_sections",  # sections of the organisation's public profile
    "accreditation.factories",  # OrganisationFactory, in the apps' own factories
}


@cache
def modules() -> dict[str, Path]:
    """Every Python module of the portal's apps (and ``portal``), migrations aside."""
    found = {}
    for app in [*APPS, "portal"]:
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join(parts)] = path
    return found


def _project_module(name: str) -> str | None:
    parts = name.split(".")
    while parts:
        if ".".join(parts) in modules():
            return ".".join(parts)
        parts.pop()
    return None


def _absolute(module: str, path: Path, node: ast.ImportFrom) -> str:
    if node.level == 0:
        return node.module or ""
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    base = package[: len(package) - (node.level - 1)] if node.level > 1 else package
    return ".".join([*base, *([node.module] if node.module else [])])


@cache
def imports() -> dict[str, frozenset[str]]:
    """Module → the portal modules it imports, anywhere in its source."""
    graph = {}
    for module, path in modules().items():
        found = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                base = _absolute(module, path, node)
                for alias in node.names:
                    target = _project_module(f"{base}.{alias.name}") or _project_module(base)
                    if target:
                        found.add(target)
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    target = _project_module(alias.name)
                    if target:
                        found.add(target)
        # A package importing its own modules, or a module its own package, is not a link.
        graph[module] = frozenset(
            t for t in found if t != module and not module.startswith(t + ".")
        )
    return graph


def app_of(module: str) -> str:
    return module.split(".")[0]


def test_core_imports_no_app_and_every_app_only_the_apps_below_it():
    wrong = []
    for module, targets in imports().items():
        app = app_of(module)
        if app == "portal":
            continue
        allowed = set(APPS[: APPS.index(app) + 1])
        wrong += [f"{module} imports {t}" for t in sorted(targets) if app_of(t) not in allowed]
    assert wrong == []


def test_other_apps_take_only_accreditations_own_domain_from_it():
    wrong = [
        f"{module} imports {target}"
        for module, targets in imports().items()
        if app_of(module) in {"home", "events", "volunteers", "cooperation"}
        for target in sorted(targets)
        if app_of(target) == "accreditation" and target not in ACCREDITATION_FOR_OTHERS
    ]
    assert wrong == []


def test_no_modules_import_each_other():
    """Tarjan's strongly connected components of the import graph: none may hold two modules."""
    graph = imports()
    index, low, stack, on_stack, cycles = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    assert cycles == []


def test_the_graph_sees_an_import_hidden_in_a_function():
    """So the checks above can fail: ``PersonalCertificateCreateView.save_instance`` imports
    the certificate services inside the method."""
    assert "accreditation.certificates" in imports()["accreditation.admin_views"]


MODEL_SIGNALS = [
    signals.pre_save,
    signals.post_save,
    signals.pre_delete,
    signals.post_delete,
    signals.m2m_changed,
]


@pytest.mark.parametrize("signal", MODEL_SIGNALS, ids=lambda s: s.__class__.__name__)
def test_no_app_listens_to_another_apps_model_signals(signal):
    """Only the kernel's reference data (taxonomy terms) may be followed by other apps; the
    records of a domain app are reacted to through ``status_changed``."""
    portal_apps = set(APPS)
    wrong = []
    for model in apps.get_models(include_auto_created=True):
        owner = model._meta.app_label
        if owner not in portal_apps or owner == "core":
            continue
        sync_receivers, async_receivers = signal._live_receivers(model)
        for receiver in [*sync_receivers, *async_receivers]:
            listener = receiver.__module__.split(".")[0]
            if listener in portal_apps and listener != owner:
                wrong.append(f"{receiver.__module__}.{receiver.__name__} on {model._meta.label}")
    assert wrong == []
