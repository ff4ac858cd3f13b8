#!/usr/bin/env python3
"""The VideoPort export table: what is generated from it, and the audit that checks it.

src/videoport/exports/export_table.txt lists every function vidport exports to miniports, once:
its name, the C++ function that implements it, and its IRQL/context rule class. The prototypes
come from the DDK headers themselves (include/ddk), read after the C preprocessor ran over them,
so a row never repeats a signature and cannot drift from what miniports compile against.

  generate  writes the extern "C" shims, the keep-alive anchors, the call rules and videoprt.def
  audit     compares the functions include/ddk declares with the table and with the symbols a
            built executable exports dynamically; it fails listing every declared-but-missing name

Rules for the headers, as the audit reads them:
- A function declared at file scope in a header under include/ddk is a VideoPort export, except
  in vidport/crt.h, whose memcpy family the C library provides.
- A macro named like an exported function would hide it from miniports (they would never import
  it), and an inline definition in the headers is no export: the audit refuses both.
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile

# Declarations in these headers are the C library's, not VideoPort's.
C_LIBRARY_HEADERS = {"include/ddk/vidport/crt.h"}
# Headers that only change packing; including them on their own is not meaningful.
PACKING_HEADERS = re.compile(r"^(pshpack\d|poppack)\.h$")


class TableError(Exception):
    pass


class Row:
    def __init__(self, name, implementation, rule_class, hand_written, line):
        self.name = name
        self.implementation = implementation
        self.rule_class = rule_class
        self.hand_written = hand_written  # the file holding the hand-written shim, or None
        self.line = line

    @property
    def rule(self):
        """The C++ constant of the row's call rule: rules::kCreateEvent for VideoPortCreateEvent."""
        return "k" + self.name[len("VideoPort"):] if self.name.startswith("VideoPort") else "k" + self.name


class Table:
    def __init__(self, includes, rows):
        self.includes = includes
        self.rows = rows


def read_table(path, drop=(), extra_rows=()):
    includes, rows, seen = [], [], {}
    with open(path, encoding="utf-8") as f:
        lines = [(n, l) for n, l in enumerate(f, 1)] + [(0, l) for l in extra_rows]
    for number, raw in lines:
        text = raw.split("#", 1)[0].strip()
        if not text:
            continue
        words = text.split()
        if words[0] == "include":
            if len(words) != 2:
                raise TableError(f"{path}:{number}: 'include' takes one header")
            includes.append(words[1])
            continue
        if len(words) == 3:
            hand_written = None
        elif len(words) == 5 and words[3] == "hand-written":
            hand_written = words[4]
        else:
            raise TableError(f"{path}:{number}: expected '<name> <implementation> <rule class> "
                             f"[hand-written <file>]', got '{text}'")
        name = words[0]
        if name in seen:
            raise TableError(f"{path}:{number}: {name} is listed twice (first on line {seen[name]})")
        seen[name] = number
        if name in drop:
            continue
        rows.append(Row(name, words[1], words[2], hand_written, number))
    return Table(includes, rows)


class Declaration:
    def __init__(self, name, return_type, parameters, header):
        self.name = name
        self.return_type = return_type
        self.parameters = parameters  # [(full text, name)], empty for (void)
        self.header = header          # e.g. include/ddk/vidport/vp_event.h


def top_level_statements(preprocessed, roots):
    """(header, text) for each file-scope statement of `preprocessed`. `roots` maps a directory to
    the prefix its headers are named with; a statement from elsewhere has header None."""
    roots = {os.path.realpath(d): prefix for d, prefix in roots.items()}
    current, depth, parts, origin = None, 0, [], None
    for line in preprocessed.splitlines():
        marker = re.match(r'^# \d+ "([^"]*)"', line)
        if marker:
            path = os.path.realpath(marker.group(1))
            current = next((prefix + os.path.relpath(path, d) for d, prefix in roots.items()
                            if path.startswith(d + os.sep)), None)
            continue
        if line.startswith("#"):
            continue  # pragmas
        for ch in line + "\n":
            if depth == 0 and not parts and not ch.isspace():
                origin = current
            if depth == 0 and not parts and ch.isspace():
                continue
            parts.append(ch)
            if ch == "{":
                depth += 1
            elif ch == "}":
                depth -= 1
                if depth == 0 and _is_function_body("".join(parts)):
                    yield origin, "".join(parts).strip()
                    parts = []
            elif ch == ";" and depth == 0:
                yield origin, "".join(parts).strip()
                parts = []


def _is_function_body(text):
    head = text[: text.find("{")].strip()
    return head.endswith(")") and not head.startswith("typedef") and "=" not in head


DECLARATION = re.compile(r"^(?P<ret>[\w\s\*]+?)\s*\b(?P<name>[A-Za-z_]\w*)\s*\((?P<params>[^()]*(\([^()]*\)[^()]*)*)\)\s*(?P<end>;|\{)", re.S)


def split_top_level(text):
    """`text` split at the commas outside parentheses (a function-pointer parameter keeps its own)."""
    parts, depth, current = [], 0, ""
    for ch in text:
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if ch == "," and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += ch
    return parts + [current]


def parse_parameters(text, name):
    text = " ".join(text.split())
    if text in ("", "void"):
        return []
    parameters = []
    for part in split_top_level(text):
        part = part.strip()
        if part == "...":
            parameters.append(("...", "..."))
            continue
        # `Type Name`, `Type *Name`, `Type Name[N]` or a function pointer `Ret (*Name)(...)`.
        found = re.search(r"\(\s*\*\s*([A-Za-z_]\w*)\s*\)\s*\(", part) or \
            re.search(r"([A-Za-z_]\w*)\s*(\[[^\]]*\])?$", part)
        if not found or found.group(1) == part:
            raise TableError(f"{name}: parameter '{part}' has no name; the headers name every parameter")
        parameters.append((part, found.group(1)))
    return parameters


def declared_functions(cc, ddk_dir, extra_declaration=None):
    """Functions include/ddk declares and defines: ({name: Declaration}, {name: header} of inline
    definitions)."""
    headers = sorted(h for h in os.listdir(ddk_dir) if h.endswith(".h") and not PACKING_HEADERS.match(h))
    source = "".join(f"#include <{h}>\n" for h in headers)
    with tempfile.TemporaryDirectory() as scratch:
        roots = {ddk_dir: "include/ddk/"}
        if extra_declaration:
            # The negative controls' declaration counts as one of include/ddk's.
            extra_dir = os.path.join(scratch, "extra")
            os.mkdir(extra_dir)
            with open(os.path.join(extra_dir, "audit_extra.h"), "w", encoding="utf-8") as f:
                # A trailing ';' is optional, so build systems whose lists split on ';' can pass one.
                terminated = extra_declaration.startswith("#") or extra_declaration.rstrip().endswith((";", "}"))
                f.write("#include <video.h>\n" + extra_declaration + ("" if terminated else ";") + "\n")
            roots[extra_dir] = "negative-control/"
            source += "#include <audit_extra.h>\n"
        main = os.path.join(scratch, "all_ddk_headers.c")
        with open(main, "w", encoding="utf-8") as f:
            f.write(source)
        flags = ["-x", "c", "-std=c11", "-fshort-wchar", "-I", ddk_dir] + (["-I", extra_dir] if extra_declaration else [])
        preprocessed = run([cc, "-E"] + flags + [main])
        macros = run([cc, "-E", "-dM"] + flags + [main])
        statements = list(top_level_statements(preprocessed, roots))
    declarations, inline = {}, {}
    for header, statement in statements:
        if header is None or header in C_LIBRARY_HEADERS or statement.startswith("typedef"):
            continue
        found = DECLARATION.match(statement)
        if not found or "(" in found.group("ret") or found.group("name") in ("struct", "union", "enum"):
            continue
        name = found.group("name")
        if found.group("end") == "{":
            inline[name] = header
            continue
        ret = " ".join(w for w in found.group("ret").split() if w not in ("extern",))
        declarations[name] = Declaration(name, ret, parse_parameters(found.group("params"), name), header)
    macro_names = set(re.findall(r"^#define (\w+)", macros, re.M))
    return declarations, inline, macro_names


def run(command):
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise TableError(f"{' '.join(command)} failed:\n{result.stderr}")
    return result.stdout


# ---- generate ------------------------------------------------------------------------------

GENERATED = "Generated from src/videoport/exports/export_table.txt by tools/export_table.py: do not edit."


def shim(row, declaration):
    parameters = ", ".join(text for text, _ in declaration.parameters) or "void"
    arguments = "".join(f"ddk_arg({name}), " for _, name in declaration.parameters)
    return (f"{declaration.return_type} {row.name}({parameters}) {{\n"
            f"  VIDPORT_EXPORT_BODY(static_cast<{declaration.return_type}>(({row.implementation})({arguments}vidport_site)));\n"
            f"}}\n")


def generate(table, declarations, source_dir, out_dir, def_file):
    missing = [row.name for row in table.rows if row.name not in declarations]
    if missing:
        raise TableError("the export table lists functions include/ddk does not declare: " + ", ".join(missing))
    for row in table.rows:
        if row.hand_written and not defines(os.path.join(source_dir, row.hand_written), row.name):
            raise TableError(f"{row.name} is hand-written in {row.hand_written}, which does not define it")
    os.makedirs(os.path.join(out_dir, "videoport"), exist_ok=True)
    shims = [f"// {GENERATED}\n// The extern \"C\" shims: one forward each (export_shim.h), no logic.\n",
             "#include <video.h>\n\n",
             '#include "videoport/exports/export_shim.h"\n']
    shims += [f'#include "{header}"\n' for header in table.includes]
    shims.append("\nusing namespace vidport::videoport;\nusing namespace vidport::videoport::exports;\n\n"
                 'extern "C" {\n\n')
    for row in table.rows:
        if row.hand_written is None:
            shims.append(shim(row, declarations[row.name]) + "\n")
    shims.append('}  // extern "C"\n')
    write_if_changed(os.path.join(out_dir, "videoport", "export_shims.cpp"), "".join(shims))

    anchors = [f"// {GENERATED}\n// The address of every export, for PortDriver's keep-alive array.\n"]
    anchors += [f"reinterpret_cast<const void*>(&{row.name}),\n" for row in table.rows]
    write_if_changed(os.path.join(out_dir, "videoport", "export_anchors.inc"), "".join(anchors))

    rules = [f"// {GENERATED}\n// The call rule of every export (call_rules.h includes this file).\n",
             "#pragma once\n\nnamespace vidport::videoport::rules {\n"]
    rules += [f'inline constexpr CallRule {row.rule}{{"{row.name}", rule_class::{row.rule_class}}};\n'
              for row in table.rows]
    rules.append("}  // namespace vidport::videoport::rules\n")
    write_if_changed(os.path.join(out_dir, "videoport", "export_rules.h"), "".join(rules))

    exports = [f"; {GENERATED}\n; The import library miniports link against on Windows toolchains.\n",
               "LIBRARY videoprt.sys\nEXPORTS\n"]
    exports += [f"    {row.name}\n" for row in sorted(table.rows, key=lambda r: r.name)]
    write_if_changed(def_file, "".join(exports))


def defines(path, name):
    if not os.path.exists(path):
        return False
    with open(path, encoding="utf-8") as f:
        return re.search(r"\b" + name + r"\s*\(", f.read()) is not None


def write_if_changed(path, text):
    """Leaves an unchanged file alone, so a header edit that changes no export rebuilds nothing."""
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            if f.read() == text:
                return
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


# ---- audit ---------------------------------------------------------------------------------

def exported_symbols(binary):
    out = run(["nm", "-D", "--defined-only", binary])
    return {line.split()[-1] for line in out.splitlines() if line.split() and line.split()[-2] in "TtWi"}


def audit(table, declarations, inline, macros, binary):
    """The problems found, one line each: empty when the table, the headers and the binary agree."""
    problems = []
    listed = {row.name for row in table.rows}
    exported = exported_symbols(binary)
    label = os.path.basename(binary)
    for name in sorted(declarations):
        if name not in listed:
            problems.append(f"declared in {declarations[name].header} but missing from the export "
                            f"table: {name}")
        if name not in exported:
            problems.append(f"declared in {declarations[name].header} but not exported by {label}: {name}")
        if name in macros:
            problems.append(f"declared in include/ddk and also a macro there, which hides it from miniports: {name}")
    for row in table.rows:
        if row.name not in declarations:
            problems.append(f"in the export table (line {row.line}) but declared nowhere in include/ddk: {row.name}")
    for name, header in sorted(inline.items()):
        if name in listed:
            problems.append(f"defined inline in {header}, so no miniport imports it, yet in the export "
                            f"table: {name}")
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["generate", "audit"])
    parser.add_argument("--table", required=True)
    parser.add_argument("--ddk", required=True, help="the include/ddk directory")
    parser.add_argument("--cc", default="cc", help="the C compiler whose preprocessor reads the headers")
    parser.add_argument("--out-dir", help="generate: where the generated sources go")
    parser.add_argument("--def-file", help="generate: where videoprt.def goes")
    parser.add_argument("--binary", help="audit: the executable whose dynamic exports are checked")
    parser.add_argument("--extra-declaration", help="audit, negative controls: one more declaration in include/ddk")
    parser.add_argument("--drop-row", action="append", default=[], help="audit, negative controls: a row to leave out")
    parser.add_argument("--extra-row", action="append", default=[], help="audit, negative controls: one more row")
    parser.add_argument("--expect-failure", metavar="REGEX",
                        help="audit, negative controls: pass only if the audit fails with a problem matching REGEX")
    args = parser.parse_args()
    try:
        table = read_table(args.table, drop=set(args.drop_row), extra_rows=args.extra_row)
        declarations, inline, macros = declared_functions(args.cc, args.ddk, args.extra_declaration)
        if args.command == "generate":
            source_dir = os.path.dirname(os.path.dirname(os.path.abspath(args.ddk)))  # include/ddk's root
            generate(table, declarations, source_dir, args.out_dir, args.def_file)
            return 0
        problems = audit(table, declarations, inline, macros, args.binary)
    except TableError as error:
        print(f"export table: {error}", file=sys.stderr)
        return 2
    for problem in problems:
        print(problem)
    if args.expect_failure is None:
        if not problems:
            print(f"export audit: {len(declarations)} functions declared in include/ddk, all in the table and "
                  f"exported by {os.path.basename(args.binary)}")
        return 1 if problems else 0
    if any(re.search(args.expect_failure, p) for p in problems):
        print(f"negative control: the audit failed as expected ({args.expect_failure})")
        return 0
    print(f"negative control: the audit should have failed with a problem matching '{args.expect_failure}'")
    return 1


if __name__ == "__main__":
    sys.exit(main())
