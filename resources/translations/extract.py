"""Complete keyprojects_en.ts with the texts pyside6-lupdate cannot see (run after lupdate,
before fill_en.py).

lupdate only recognises literal ``self.tr("…")``, ``QCoreApplication.translate("Ctx", "…")``
and ``QT_TRANSLATE_NOOP("Ctx", "…")`` calls.  Many modules translate through a module-level
wrapper instead::

    def _tr(text: str) -> str:
        return QCoreApplication.translate("LedgerFiles", text)

and some classes override ``tr`` to use such a wrapper (the ledger page's texts keep the
window's context "MainWindow").  lupdate misses every ``_tr("…")`` call, files a module-level
``tr("…")`` under an empty context and a ``self.tr("…")`` under the class name even when the
class's ``tr`` translates in another context.  This module scans desktop_app/ui/**/*.py with
``ast`` for all of these calls (wrappers imported from another module included) and makes the
.ts hold exactly the messages the code asks for: missing ones are added (untranslated, for
fill_en.py), misfiled ones (empty context, wrong class) are dropped, and every message gets
the locations the scan found.  Messages lupdate keeps as obsolete are left as they are.

    uv run python resources/translations/extract.py
"""

from __future__ import annotations

import ast
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "desktop_app" / "ui"
TS = Path(__file__).with_name("keyprojects_en.ts")
OBSOLETE = {"vanished", "obsolete"}


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    path: Path
    line: int


@dataclass(frozen=True)
class Dynamic:
    """A translating call whose text is not a literal (lupdate and the scan cannot see it)."""

    path: Path
    line: int
    code: str


def _module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root.parent.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _literal(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _body_return(func: ast.FunctionDef) -> ast.expr | None:
    """The value of a function whose body (after its docstring) is one ``return``."""
    body = func.body
    if body and isinstance(body[0], ast.Expr) and _literal(body[0].value) is not None:
        body = body[1:]
    if len(body) == 1 and isinstance(body[0], ast.Return):
        return body[0].value
    return None


def _translating_context(
    value: ast.expr | None, param: str, wrappers: dict[str, str]
) -> str | None:
    """The context if ``value`` is ``X.translate("Ctx", param)``, ``QT_TRANSLATE_NOOP("Ctx",
    param)`` or ``wrapper(param)`` for a known wrapper."""
    if not isinstance(value, ast.Call):
        return None
    args = value.args
    func = value.func
    is_param = [isinstance(a, ast.Name) and a.id == param for a in args]
    is_translate = isinstance(func, ast.Attribute) and func.attr == "translate"
    is_noop = isinstance(func, ast.Name) and func.id == "QT_TRANSLATE_NOOP"
    if (is_translate or is_noop) and len(args) == 2 and is_param[1]:
        return _literal(args[0])
    if isinstance(func, ast.Name) and func.id in wrappers and len(args) == 1 and is_param[0]:
        return wrappers[func.id]
    return None


class _Module:
    def __init__(self, path: Path, root: Path) -> None:
        self.path = path
        self.name = _module_name(path, root)
        self.is_package = path.name == "__init__.py"
        self.tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        self.wrappers: dict[str, str] = {}  # local name -> context

    def find_wrappers(self) -> None:
        for node in self.tree.body:
            if isinstance(node, ast.FunctionDef) and len(node.args.args) == 1:
                param = node.args.args[0].arg
                ctx = _translating_context(_body_return(node), param, self.wrappers)
                if ctx:
                    self.wrappers[node.name] = ctx

    def imported(self, module: ast.ImportFrom) -> str:
        if not module.level:
            return module.module or ""
        base = self.name.split(".")
        base = base if self.is_package else base[:-1]
        base = base[: len(base) - (module.level - 1)]
        return ".".join(base + ([module.module] if module.module else []))

    def import_wrappers(self, modules: dict[str, _Module]) -> bool:
        """Take the wrappers this module imports; whether any was new."""
        new = False
        for node in ast.walk(self.tree):
            if isinstance(node, ast.ImportFrom):
                source = modules.get(self.imported(node))
                for alias in node.names:
                    local = alias.asname or alias.name
                    if source and alias.name in source.wrappers and local not in self.wrappers:
                        self.wrappers[local] = source.wrappers[alias.name]
                        new = True
        return new


def _modules(root: Path) -> dict[str, _Module]:
    modules = {}
    for path in sorted(root.rglob("*.py")):
        module = _Module(path, root)
        module.find_wrappers()
        modules[module.name] = module
    while any([m.import_wrappers(modules) for m in modules.values()]):
        pass
    return modules


def _class_contexts(modules: dict[str, _Module]) -> dict[str, str]:
    """Class name -> the context of its ``self.tr`` when the class (or a base, by name)
    overrides ``tr`` with a wrapper."""
    overrides: dict[str, str] = {}
    bases: dict[str, list[str]] = {}
    for module in modules.values():
        for node in ast.walk(module.tree):
            if not isinstance(node, ast.ClassDef):
                continue
            bases[node.name] = [b.id for b in node.bases if isinstance(b, ast.Name)]
            for item in node.body:
                if (
                    isinstance(item, ast.FunctionDef)
                    and item.name == "tr"
                    and len(item.args.args) == 2
                ):
                    param = item.args.args[1].arg
                    ctx = _translating_context(_body_return(item), param, module.wrappers)
                    if ctx:
                        overrides[node.name] = ctx

    def context(name: str, seen: frozenset[str] = frozenset()) -> str:
        if name in overrides:
            return overrides[name]
        for base in bases.get(name, []):
            if base not in seen and (ctx := context(base, seen | {name})) != base:
                return ctx
        return name

    return {name: context(name) for name in bases}


def _is_translate(func: ast.expr, args: list[ast.expr]) -> bool:
    """``X.translate("Ctx", text…)`` or ``QT_TRANSLATE_NOOP("Ctx", text)``."""
    if isinstance(func, ast.Attribute) and func.attr == "translate":
        return len(args) >= 2
    return isinstance(func, ast.Name) and func.id == "QT_TRANSLATE_NOOP" and len(args) == 2


class _Calls(ast.NodeVisitor):
    def __init__(self, module: _Module, classes: dict[str, str]) -> None:
        self.module = module
        self.classes = classes
        self.stack: list[str] = []
        self.messages: list[Message] = []
        self.dynamic: list[Dynamic] = []

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.stack.append(node.name)
        self.generic_visit(node)
        self.stack.pop()

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        # a wrapper's (or tr override's) own body translates its parameter: not a call site
        value = _body_return(node)
        params = [a.arg for a in node.args.args]
        if params and _translating_context(value, params[-1], self.module.wrappers):
            return
        self.generic_visit(node)

    def add(self, node: ast.Call, context: str | None, text: ast.expr) -> None:
        if isinstance(text, ast.IfExp):  # translate("Ctx", "甲" if x else "乙")
            self.add(node, context, text.body)
            self.add(node, context, text.orelse)
            return
        source = _literal(text)
        if context is None or source is None:
            self.dynamic.append(Dynamic(self.module.path, node.lineno, ast.unparse(node)))
        else:
            self.messages.append(Message(context, source, self.module.path, node.lineno))

    def visit_Call(self, node: ast.Call) -> None:
        func, args = node.func, node.args
        if isinstance(func, ast.Attribute) and func.attr == "tr" and args:
            # self.tr("…") (or window.tr("…") on the class's own instance): the class's context
            cls = self.stack[-1] if self.stack else None
            self.add(node, self.classes.get(cls, cls) if cls else None, args[0])
        elif _is_translate(func, args):
            self.add(node, _literal(args[0]), args[1])
        elif isinstance(func, ast.Name) and func.id in self.module.wrappers and args:
            self.add(node, self.module.wrappers[func.id], args[0])
        self.generic_visit(node)


def scan(root: Path = UI) -> tuple[list[Message], list[Dynamic]]:
    """Every (context, source) the interface under ``root`` translates, and the translating
    calls whose text is not a literal."""
    modules = _modules(root)
    classes = _class_contexts(modules)
    messages: list[Message] = []
    dynamic: list[Dynamic] = []
    for module in modules.values():
        calls = _Calls(module, classes)
        calls.visit(module.tree)
        messages += calls.messages
        dynamic += calls.dynamic
    return messages, dynamic


def _is_obsolete(message: ET.Element) -> bool:
    translation = message.find("translation")
    return translation is not None and translation.get("type") in OBSOLETE


def complete(ts: Path = TS, root: Path = UI) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Make ``ts`` hold the scanned messages; returns the (context, source) added and dropped."""
    messages, _ = scan(root)
    wanted: dict[tuple[str, str], list[Message]] = {}
    for m in messages:
        wanted.setdefault((m.context, m.source), []).append(m)
    tree = ET.parse(ts)
    top = tree.getroot()
    contexts: dict[str, ET.Element] = {}
    dropped: list[tuple[str, str]] = []
    for context in list(top.iter("context")):
        name = context.findtext("name") or ""
        for message in list(context.iter("message")):
            key = (name, message.findtext("source") or "")
            if key not in wanted and not _is_obsolete(message):
                context.remove(message)
                dropped.append(key)
        if not name or not context.findall("message"):
            top.remove(context)
            dropped += [(name, m.findtext("source") or "") for m in context.iter("message")]
        else:
            contexts[name] = context
    added: list[tuple[str, str]] = []
    for (name, source), found in wanted.items():
        context = contexts.get(name)
        if context is None:
            context = contexts[name] = ET.Element("context")
            ET.SubElement(context, "name").text = name
        message = next((m for m in context.iter("message") if m.findtext("source") == source), None)
        if message is None:
            message = ET.SubElement(context, "message")
            ET.SubElement(message, "source").text = source
            ET.SubElement(message, "translation", type="unfinished")
            added.append((name, source))
        for location in message.findall("location"):
            message.remove(location)
        for i, m in enumerate(sorted(found, key=lambda m: (str(m.path), m.line))):
            location = ET.Element(
                "location",
                filename=Path("../..", m.path.relative_to(ROOT)).as_posix(),
                line=str(m.line),
            )
            message.insert(i, location)
        translation = message.find("translation")
        if translation.get("type") in OBSOLETE:
            translation.set("type", "unfinished")
    for context in list(top.iter("context")):
        top.remove(context)
    for name in sorted(contexts):
        top.append(contexts[name])
    ET.indent(tree, "    ")
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return added, dropped


if __name__ == "__main__":
    added, dropped = complete()
    for context, source in added:
        print(f"added: [{context}] {source!r}")
    for context, source in dropped:
        print(f"dropped: [{context}] {source!r}")
    for d in scan()[1]:
        print(f"not a literal: {d.path.relative_to(ROOT)}:{d.line}: {d.code}")
    sys.exit(0)
