"""The release step, run once per deployment before the new code serves (docs/operations.md, "Upgrades").

Each step is idempotent, so the whole is safe to run twice (or again after a failure): migrate, compile the
message catalogues, make the named renditions that are missing, clear the caches. A failing migration stops the
release (the command exits 1); images whose renditions cannot be made and a cache that cannot be cleared are
reported, not fatal: the new code serves correctly without them.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.core.management import call_command

from cms.catalogues import compile_catalogues
from media.renditions_fill import renditions_fill
from operations.caches import caches_clear



@dataclass
class ReleaseReport:
    steps: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def release_run(*, progress: Callable[[str], None] = lambda line: None) -> ReleaseReport:
    report = ReleaseReport()

    def done(line: str) -> None:
        report.steps.append(line)
        progress(line)

    call_command("migrate", interactive=False, verbosity=0)
    done("migrate: the database is at this release's migrations")

    # The image ships them compiled (Dockerfile); a checkout upgraded in place compiles what changed here. Same
    # compiler as the build (cms/catalogues.py, pure Python): no GNU gettext needed where the project runs.
    compiled = compile_catalogues()
    done(f"compile_catalogues: message catalogues compiled ({len(compiled)} changed, up-to-date ones skipped)")

    filled = renditions_fill()
    done(f"renditions_fill: {filled.images} images checked, {filled.created} renditions created")
    if filled.failed:
        report.warnings.append(
            f"renditions could not be made for {len(filled.failed)} images: {filled.failed[:20]}"
        )

    failed = caches_clear()
    done(f"caches cleared: {', '.join(alias for alias in settings.CACHES if alias not in failed) or 'none'}")
    if failed:
        report.warnings.append(f"caches that could not be cleared: {', '.join(failed)}")
    return report
