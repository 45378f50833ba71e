"""Retention: keep the newest N complete backups; remove older ones and what interrupted backups left behind."""


def backups_prune(target, *, keep: int) -> list[str]:
    """Remove all but the newest `keep` complete backups, and every incomplete one older than the newest complete
    one (a backup still being written is always newer). Returns the names removed. Runs under the target's lock."""
    if keep < 1:
        raise ValueError("keep at least one backup")
    complete = target.complete()
    removed = complete[:-keep]
    newest = complete[-1] if complete else ""
    removed += [name for name in target.incomplete() if name < newest]
    for name in removed:
        target.remove(name)
    return sorted(removed)
