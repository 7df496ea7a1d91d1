"""The layers hold and no module imports itself round a loop, lazy imports included.

``lint-imports`` checks the contracts in pyproject.toml (cli → ui → export → model, a Qt-free
model); the cycle test reads the same import graph (grimp's, which counts imports inside
functions and under ``TYPE_CHECKING`` too) and names every loop it finds.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import grimp

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
PACKAGE = "karabakh_timeline"


def lint_imports(*options: str) -> subprocess.CompletedProcess[str]:
    tool = BIN / "lint-imports"
    assert tool.exists(), f"lint-imports is not installed beside {sys.executable} (the test extra)"
    return subprocess.run(
        [str(tool), "--no-cache", *options],
        cwd=REPO,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
    )


def test_the_import_contracts_are_kept() -> None:
    result = lint_imports()
    assert result.returncode == 0, f"\n{result.stdout}\n{result.stderr}"
    assert "Contracts: 4 kept, 0 broken." in result.stdout, result.stdout


def test_a_broken_contract_fails_lint_imports(tmp_path: Path) -> None:
    """The tool really reads the package: a contract the window cannot keep is reported."""
    config = tmp_path / "broken.toml"
    config.write_text(
        f"""
[tool.importlinter]
root_package = "{PACKAGE}"
include_external_packages = true

[[tool.importlinter.contracts]]
name = "The window without Qt"
type = "forbidden"
source_modules = ["{PACKAGE}.ui"]
forbidden_modules = ["PySide6"]
""",
        encoding="utf-8",
    )
    result = lint_imports("--config", str(config))
    assert result.returncode == 1, result.stdout
    assert "The window without Qt BROKEN" in result.stdout, result.stdout


def import_cycles(graph: grimp.ImportGraph) -> list[list[str]]:
    """Every loop of imports, each as the modules around it (strongly connected components
    of more than one module, or a module that imports itself)."""
    modules = sorted(graph.modules)
    imports = {m: sorted(graph.find_modules_directly_imported_by(m)) for m in modules}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []

    def visit(start: str) -> None:
        # Tarjan's algorithm, iterative: the graph is deep enough for recursion to be fragile.
        work = [(start, iter(imports[start]))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            module, pending = work[-1]
            for imported in pending:
                if imported not in index:
                    index[imported] = low[imported] = len(index)
                    stack.append(imported)
                    on_stack.add(imported)
                    work.append((imported, iter(imports[imported])))
                    break
                if imported in on_stack:
                    low[module] = min(low[module], index[imported])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[module])
                if low[module] == index[module]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == module:
                            break
                    if len(component) > 1 or module in imports[module]:
                        cycles.append(sorted(component))

    for module in modules:
        if module not in index:
            visit(module)
    return cycles


def test_no_module_imports_itself_round_a_loop() -> None:
    graph = grimp.build_graph(PACKAGE, cache_dir=None)
    # Lazy imports are in the graph: the command line opens the window from inside a function.
    assert graph.direct_import_exists(
        importer=f"{PACKAGE}.cli.window", imported=f"{PACKAGE}.ui.app"
    )
    assert len(graph.modules) > 100
    cycles = import_cycles(graph)
    assert cycles == [], "import cycles:\n" + "\n".join(" ↔ ".join(c) for c in cycles)


def test_the_cycle_finder_names_a_loop() -> None:
    graph = grimp.ImportGraph()
    for importer, imported in (("p.a", "p.b"), ("p.b", "p.c"), ("p.c", "p.a"), ("p.c", "p.d")):
        graph.add_import(importer=importer, imported=imported)
    graph.add_import(importer="p.e", imported="p.e")
    assert import_cycles(graph) == [["p.a", "p.b", "p.c"], ["p.e"]]
