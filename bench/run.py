#!/usr/bin/env python3
"""jdgen against Hugo on the same content: one command, a table and JSON.

    python bench/run.py            # N = 1,000 roles
    python bench/run.py --n 10000  # the large employer
    python bench/run.py --n 20 --no-hugo --reps 1   # the smoke test

It generates a deterministic synthetic careers project (N roles written in es, zh or en,
some extending a role family, each translated into the other two locales through
catalogs), exports the same postings as a multilingual Hugo site, and measures, with
interleaved repetitions and medians:

- a cold jdgen build (no cache) against Hugo building HTML only, and HTML + Markdown +
  text (what jdgen builds);
- a jdgen rebuild with nothing changed, after one role changed, and after one site
  string changed (the title of the es index, in the project's es catalog);
- one `jdgen render` from a cold start;
- the Python floor (bench/floor.py: the same roles and translations written as the three
  formats straight from the data, with the same number of processes);
- the wall time, the CPU time (user + system of the whole process tree, from
  ``getrusage(RUSAGE_CHILDREN)``) and the peak memory (summed over the tree, sampled) of each.

It runs on a RAM disk (``/dev/shm``) when there is one with room, so that the disk's
noise is out of the ratios; ``--on-disk`` runs in bench/out/ (ignored by git) instead.
Hugo's rows need Debian's ``hugo`` installed; without it they are skipped, and the report
says so. Compiled templates go to a user cache of the bench's own, warmed by the first
build, as a user's is.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import random
import resource
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
LOCALES = ("es", "zh", "en")
FAMILIES = 10

WORDS = {
    "en": (
        "build operate design scale measure improve deploy monitor own review model data "
        "pipeline service platform customer product quality reliable secure fast team "
        "experiment feature training inference latency cost system api cloud"
    ).split(),
    "es": (
        "construir operar diseñar escalar medir mejorar desplegar monitorear revisar "
        "modelo datos flujo servicio plataforma cliente producto calidad fiable seguro "
        "rápido equipo experimento función entrenamiento inferencia latencia costo sistema "
        "nube"
    ).split(),
    "zh": list(
        "构建运营设计扩展衡量改进部署监控负责评审模型数据流水线服务平台客户产品质量可靠"
        "安全高效团队实验特征训练推理延迟成本系统云"
    ),
}
# Each with its country, as a real posting has (Google requires it of a JobPosting).
CITIES = {
    "en": ["New York|US", "Austin|US", "Seattle|US", "London|GB", "Toronto|CA"],
    "es": ["Madrid|ES", "Barcelona|ES", "Lima|PE", "Bogotá|CO", "Buenos Aires|AR"],
    "zh": ["北京|CN", "上海|CN", "深圳|CN", "杭州|CN", "成都|CN"],
}
TITLES = {
    "en": ["Data Engineer", "ML Engineer", "Platform Engineer", "Backend Engineer"],
    "es": ["Ingeniero/a de datos", "Ingeniero/a de ML", "Ingeniero/a de plataforma"],
    "zh": ["数据工程师", "机器学习工程师", "平台工程师", "后端工程师"],
}


def sentence(rng: random.Random, lang: str, words: int) -> str:
    picked = [rng.choice(WORDS[lang]) for _ in range(words)]
    if lang == "zh":
        return "".join(picked) + "。"
    text = " ".join(picked)
    return text[0].upper() + text[1:] + "."


def role_yaml(i: int, rng: random.Random) -> str:
    lang = LOCALES[i % 3]
    s = lambda n: json.dumps(sentence(rng, lang, n), ensure_ascii=False)  # noqa: E731
    lines = [f"language: {lang}"]
    if i % 2 == 0:
        lines.append(f"extends: family-{i % FAMILIES}")
    lines += [
        f"title: {json.dumps(rng.choice(TITLES[lang]) + f' {i}', ensure_ascii=False)}",
        f"team: {s(3)}",
        "summary: |",
        "  " + sentence(rng, lang, 40),
        "",
        "  " + sentence(rng, lang, 40),
        "employment_type: full-time",
        "work_arrangement: hybrid",
        "locations: ["
        + ", ".join(
            "{{city: {}, country: {}}}".format(*c.split("|")) for c in rng.sample(CITIES[lang], 3)
        )
        + "]",
        f"headcount: {rng.randint(1, 5)}",
        f"salary: {{min: {rng.randint(20, 50) * 1000}, max: {rng.randint(60, 120) * 1000},"
        f" currency: {['EUR', 'CNY', 'USD'][i % 3]}, period: year}}",
        "responsibilities:",
    ]
    for _ in range(3):
        lines += [f"  - title: {s(3)}", "    items:"] + [f"      - {s(12)}" for _ in range(5)]
    lines += ["requirements:", "  must_have:"] + [f"    - {s(12)}" for _ in range(8)]
    lines += ["  nice_to_have:"] + [f"    - {s(10)}" for _ in range(4)]
    lines += ["experience:"] + [f"  - {{level: {s(2)}, years: {a}-{a + 3}}}" for a in (1, 4, 7)]
    lines += ["posted: 2026-02-01", "valid_through: 2027-12-31"]
    return "\n".join(lines) + "\n"


def family_yaml(i: int, rng: random.Random) -> str:
    lang = LOCALES[i % 3]
    lines = ["abstract: true", f"language: {lang}", f"title: Family {i}", "benefits:"]
    lines += [f"  - {json.dumps(sentence(rng, lang, 8), ensure_ascii=False)}" for _ in range(6)]
    lines += ["process:"] + [
        f"  - {{title: {json.dumps(sentence(rng, lang, 2), ensure_ascii=False)}, "
        f"duration_minutes: {m}}}"
        for m in (30, 45, 60, 45)
    ]
    return "\n".join(lines) + "\n"


def po_text(lang: str, entries: list[tuple[str, str, str]]) -> str:
    plural = "nplurals=1; plural=0;" if lang == "zh" else "nplurals=2; plural=(n != 1);"
    q = lambda t: '"' + t.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'  # noqa: E731
    out = [
        'msgid ""',
        'msgstr ""',
        f'"Language: {lang}\\n"',
        '"Content-Type: text/plain; charset=UTF-8\\n"',
        f'"Plural-Forms: {plural}\\n"',
        "",
    ]
    for ctx, msgid, msgstr in entries:
        out += [f"msgctxt {q(ctx)}", f"msgid {q(msgid)}", f"msgstr {q(msgstr)}", ""]
    return "\n".join(out)


def generate(root: Path, n: int) -> None:
    """A deterministic project of n roles, with catalogs for every translation."""
    sys.path.insert(0, str(HERE.parent))
    from jdgen.project.config import find_project
    from jdgen.project.keys import stable_context
    from jdgen.project.resolve import RoleIndex

    shutil.rmtree(root, ignore_errors=True)
    (root / "roles" / "families").mkdir(parents=True)
    (root / "jdgen.yaml").write_text(
        "locales: [es, zh, en]\ndefault_locale: en\ntoday: 2026-03-01\n"
        "base_url: https://careers.example.com/\norganization: {name: Example}\n"
        # The edit the one-role step makes leaves that role's translations stale; the
        # site still publishes it everywhere, so every run builds the same pages.
        "fallback_pages: true\n"
    )
    for i in range(FAMILIES):
        (root / "roles" / "families" / f"family-{i}.yaml").write_text(
            family_yaml(i, random.Random(f"family{i}")), encoding="utf-8"
        )
    for i in range(n):
        (root / "roles" / f"role-{i:05}.yaml").write_text(
            role_yaml(i, random.Random(i)), encoding="utf-8"
        )
    index = RoleIndex.of(find_project(root))
    for role_id, path in sorted(index.files.items()):
        texts, _ = index.own_texts(path)
        source = index.language_of(path)
        for lang in LOCALES:
            if lang == source:
                continue
            rng = random.Random(f"{role_id}:{lang}")
            sources = {field: text for field, (text, _) in texts.items()}
            entries = [
                (
                    stable_context(role_id, field, sources.get),
                    text,
                    sentence(rng, lang, max(2, min(40, len(text.split()) or len(text) // 2))),
                )
                for field, (text, _) in texts.items()
            ]
            target = root / "locales" / lang / "LC_MESSAGES" / f"role-{role_id}.po"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(po_text(lang, entries), encoding="utf-8")


HUGO_LAYOUTS = {
    "_default/baseof.html": '<!DOCTYPE html>\n<html lang="{{ .Site.Language.Lang }}">\n<head>'
    '<meta charset="utf-8"><title>{{ .Title }}</title><link rel="stylesheet" '
    'href="/style.css"></head>\n<body><main>{{ block "main" . }}{{ end }}</main></body>\n'
    "</html>\n",
    "_default/single.html": '{{ define "main" }}<article>{{ .Content }}</article>{{ end }}\n',
    "_default/list.html": '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}'
    '<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n',
    "_default/single.md": "{{ .RawContent }}",
    "_default/single.txt": "{{ .Title }}\n\n{{ .Plain }}",
}


def export_hugo(site: Path, hugo: Path, formats: bool) -> None:
    """The postings jdgen built, as a Hugo site's content (the same Markdown)."""
    shutil.rmtree(hugo, ignore_errors=True)
    outputs = '["HTML", "MD", "TXT"]' if formats else '["HTML"]'
    config = [
        'baseURL = "https://careers.example.com/"',
        'defaultContentLanguage = "en"',
        'disableKinds = ["taxonomy", "term", "RSS"]',
        "[outputs]",
        f"page = {outputs}",
        "[mediaTypes.'text/markdown']",
        'suffixes = ["md"]',
        "[outputFormats.MD]",
        'mediaType = "text/markdown"',
        "isPlainText = true",
        'baseName = "posting"',
        "[outputFormats.TXT]",
        'mediaType = "text/plain"',
        "isPlainText = true",
        'baseName = "posting"',
        "[languages]",
    ]
    for i, lang in enumerate(LOCALES):
        config += [f"[languages.{lang}]", f'contentDir = "content/{lang}"', f"weight = {i + 1}"]
    (hugo / "layouts" / "_default").mkdir(parents=True)
    (hugo / "config.toml").write_text("\n".join(config) + "\n")
    for name, text in HUGO_LAYOUTS.items():
        (hugo / "layouts" / name).write_text(text)
    for lang in LOCALES:
        for md in sorted((site / lang).glob("*/posting.md")):
            body = md.read_text(encoding="utf-8")
            title = body.splitlines()[0].lstrip("# ").replace('"', "'")
            target = hugo / "content" / lang / f"{md.parent.name}.md"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(f'---\ntitle: "{title}"\n---\n\n' + body, encoding="utf-8")


def tree_rss(pid: int) -> int:
    """Resident memory of a process and all its descendants, in bytes (Linux /proc)."""
    total, stack = 0, [pid]
    while stack:
        p = stack.pop()
        try:
            with open(f"/proc/{p}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    stack.extend(int(c) for c in f.read().split())
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    return total


Run = tuple[float, int, float]


def measure(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> Run:
    """Wall seconds, peak memory (bytes, summed over the process tree) and CPU seconds
    (user + system of the command and every process it waited for) of a command."""
    peak = 0
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )

    def sample() -> None:
        nonlocal peak
        while proc.poll() is None:
            peak = max(peak, tree_rss(proc.pid))
            time.sleep(0.01)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{err.decode()[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, peak, cpu


def find_hugo() -> str | None:
    """Hugo, if installed (Debian's package ``hugo``); the bench never installs it."""
    found = shutil.which("hugo")
    if not found:
        print(
            "hugo is not installed (Debian package hugo): Hugo's rows are skipped", file=sys.stderr
        )
    return found


#: A RAM disk needs this much room for the bench at N = 10,000 (site, cache, Hugo's copy).
RAM_DISK_ROOM = 8 * 2**30


def default_out() -> tuple[Path, bool]:
    """Where the bench works: a RAM disk with room if there is one, else bench/out/."""
    shm = Path("/dev/shm")
    try:
        st = os.statvfs(shm)
        if os.access(shm, os.W_OK) and st.f_bavail * st.f_frsize >= RAM_DISK_ROOM:
            return shm / f"jdgen-bench-{os.getuid()}", True
    except OSError:
        pass
    return HERE / "out", False


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1000, help="number of roles (default 1000)")
    parser.add_argument("--reps", type=int, default=3, help="repetitions (median is kept)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--no-hugo", action="store_true", help="measure jdgen only")
    parser.add_argument("--out", type=Path, help="where to work (default: a RAM disk)")
    parser.add_argument("--on-disk", action="store_true", help="work in bench/out/")
    parser.add_argument("--json", type=Path, help="write the results here too")
    args = parser.parse_args()
    if args.out is not None:
        args.out, ram_disk = args.out, args.out.resolve().is_relative_to("/dev/shm")
    elif args.on_disk:
        args.out, ram_disk = HERE / "out", False
    else:
        args.out, ram_disk = default_out()

    work = args.out / f"n{args.n}"
    project = work / "project"
    jdgen = [sys.executable, "-m", "jdgen"]
    # A shell that sets PYTHONDONTWRITEBYTECODE would make every jdgen process compile its
    # own modules again (about 0.12 s of a render); users' installs keep their bytecode.
    env = {
        **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
        "PYTHONPATH": str(HERE.parent),
        "XDG_CACHE_HOME": str(work / "user-cache"),
    }
    marker = work / "generated.txt"
    # The roles are made again when N or this generator changes (catalog keys, say).
    made = f"{args.n} {hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]}"
    if not marker.is_file() or marker.read_text() != made:
        print(f"generating {args.n} roles...", file=sys.stderr)
        generate(project, args.n)
        marker.write_text(made)
    site = project / "site"

    def clean() -> None:
        shutil.rmtree(project / ".jdgen-cache", ignore_errors=True)
        shutil.rmtree(site, ignore_errors=True)

    build = [*jdgen, "build", "--jobs", str(args.jobs), "--out", str(site)]
    clean()
    measure(build, project, env)  # warm the OS file cache, and make the Hugo content
    hugo = None if args.no_hugo else find_hugo()
    if hugo:
        export_hugo(site, work / "hugo-html", formats=False)
        export_hugo(site, work / "hugo-all", formats=True)

    results: dict[str, list[Run]] = {}
    floor = [sys.executable, str(HERE / "floor.py"), str(project), str(work / "floor")]
    floor += ["--jobs", str(args.jobs)]
    role = "role-00001"
    role_file = project / "roles" / f"{role}.yaml"
    original = role_file.read_text(encoding="utf-8")
    site_po = project / "locales" / "es" / "LC_MESSAGES" / "jdgen.po"
    site_po.unlink(missing_ok=True)
    for rep in range(args.reps):
        print(f"repetition {rep + 1}/{args.reps}", file=sys.stderr)
        if hugo:
            for name in ("hugo-html", "hugo-all"):
                shutil.rmtree(work / name / "public", ignore_errors=True)
                results.setdefault(name, []).append(
                    measure([hugo, "--quiet", "--source", str(work / name)], work, env)
                )
        shutil.rmtree(work / "floor", ignore_errors=True)
        results.setdefault("python-floor", []).append(measure(floor, work, env))
        clean()
        results.setdefault("jdgen-cold", []).append(measure(build, project, env))
        results.setdefault("jdgen-nochange", []).append(measure(build, project, env))
        edited = original.replace("title: ", "title: Senior ", 1) if rep % 2 == 0 else original
        role_file.write_text(edited, encoding="utf-8")
        results.setdefault("jdgen-onechange", []).append(measure(build, project, env))
        results.setdefault("jdgen-render", []).append(
            measure([*jdgen, "render", role, "--locale", "zh", "--format", "html"], project, env)
        )
        # A translator rewords one site string (the es index's title): the pages that
        # show it change, and no posting is rendered again.
        site_po.parent.mkdir(parents=True, exist_ok=True)
        site_po.write_text(
            po_text("es", [("site", "Open positions", f"Puestos abiertos ({rep + 1})")]),
            encoding="utf-8",
        )
        results.setdefault("jdgen-sitestring", []).append(measure(build, project, env))
        site_po.unlink()
    role_file.write_text(original, encoding="utf-8")

    # Postings, indexes and the front page: what Hugo builds too (the filter pages by
    # location, team and work arrangement are counted apart).
    facet_dirs = ("location", "team", "arrangement")
    every = [p.relative_to(site).parts for p in site.rglob("index.html")]
    filters = sum(1 for parts in every if len(parts) > 2 and parts[1] in facet_dirs)
    pages = len(every) - filters
    summary = {
        name: {
            "seconds": statistics.median(w for w, _, _ in runs),
            "cpu_seconds": round(statistics.median(c for _, _, c in runs), 3),
            "peak_mb": round(statistics.median(m for _, m, _ in runs) / 2**20, 1),
        }
        for name, runs in results.items()
    }
    # Paired ratios: each repetition's jdgen against the Hugo run just before it.
    for name in ("jdgen-cold", "python-floor"):
        if "hugo-all" in results:
            pairs = zip(results[name], results["hugo-all"], strict=True)
            wall, cpu = zip(*((a[0] / b[0], a[2] / b[2]) for a, b in pairs), strict=True)
            summary[name]["paired_wall_to_hugo_all"] = round(statistics.median(wall), 2)
            summary[name]["paired_cpu_to_hugo_all"] = round(statistics.median(cpu), 2)
    for name in list(summary):
        if "hugo-html" in summary and name.startswith("jdgen-cold"):
            summary[name]["ratio_to_hugo_html"] = round(
                summary[name]["seconds"] / summary["hugo-html"]["seconds"], 2
            )
            summary[name]["ratio_to_hugo_all"] = round(
                summary[name]["seconds"] / summary["hugo-all"]["seconds"], 2
            )
            summary[name]["memory_share_of_hugo"] = round(
                summary[name]["peak_mb"] / max(summary["hugo-all"]["peak_mb"], 0.1), 3
            )
    report = {
        "n": args.n,
        "pages": pages,
        "filter_pages": filters,
        "jobs": args.jobs,
        "ram_disk": ram_disk,
        "reps": args.reps,
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "hugo": subprocess.run([hugo, "version"], capture_output=True, text=True).stdout.strip()
        if hugo
        else None,
        "results": summary,
    }
    where = "a RAM disk" if ram_disk else "disk"
    print(
        f"\nN = {args.n} roles, {pages} HTML pages, --jobs {args.jobs}, median of {args.reps},"
        f" on {where}" + ("" if hugo else "; Hugo not measured")
    )
    print(
        f"{'what':<18}{'seconds':>10}{'CPU s':>8}{'peak MB':>10}"
        f"{'vs Hugo HTML':>14}{'vs Hugo all':>13}{'paired wall':>13}{'paired CPU':>12}"
    )
    for name, row in summary.items():
        print(
            f"{name:<18}{row['seconds']:>10.2f}{row['cpu_seconds']:>8.2f}{row['peak_mb']:>10.1f}"
            f"{row.get('ratio_to_hugo_html', ''):>14}{row.get('ratio_to_hugo_all', ''):>13}"
            f"{row.get('paired_wall_to_hugo_all', ''):>13}"
            f"{row.get('paired_cpu_to_hugo_all', ''):>12}"
        )
    out = args.json or work / "results.json"
    out.write_text(json.dumps(report, indent=2) + "\n")
    print(f"\nJSON: {out}")


if __name__ == "__main__":
    main()
