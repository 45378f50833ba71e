"""Pure helpers of the API benchmark: run order, summaries, ratios, wrk's output. No Django, no I/O."""

import re
import statistics

UNSTABLE_SPREAD = 0.10  # a figure whose rounds spread more than 10 % around their median is marked unstable


def interleaved_order(sides: list[str], rounds: int) -> list[tuple[int, str]]:
    """(round, side) in the order to run them: A B, B A, A B... (A B C, C B A with three sides).

    Reversing every other round puts each side first as often as last, so a drift of the machine's speed during
    the run (another job starting, the CPU warming up) weighs on every side alike.
    """
    order = []
    for number in range(rounds):
        for side in sides if number % 2 == 0 else list(reversed(sides)):
            order.append((number, side))
    return order


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile (0 < fraction <= 1) of a non-empty list."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * fraction // 1))  # ceil(n * fraction), at least 1
    return ordered[int(rank) - 1]


def summarise(values: list[float]) -> dict:
    """Median of the rounds and their spread: (max - min) / median; unstable when that is over 10 %."""
    if not values:
        return {"median": None, "min": None, "max": None, "spread": None, "unstable": True, "rounds": 0}
    median = statistics.median(values)
    spread = (max(values) - min(values)) / median if median else float("inf")
    return {
        "median": median,
        "min": min(values),
        "max": max(values),
        "spread": spread,
        "unstable": spread > UNSTABLE_SPREAD,
        "rounds": len(values),
    }


def ratio(numerators: list[float], denominators: list[float]) -> dict:
    """Side A over side B: the ratio of the medians, and the round-by-round ratios (paired, as interleaved).

    The paired ratios show how steady the comparison itself is: the machine's speed moves both sides of a round
    together, so their ratio can be steady when each side's figures are not.
    """
    if not numerators or not denominators or not statistics.median(denominators):
        return {"of_medians": None, "paired": summarise([])}
    medians = statistics.median(numerators) / statistics.median(denominators)
    paired = [a / b for a, b in zip(numerators, denominators, strict=False) if b]
    return {"of_medians": medians, "paired": summarise(paired)}


def target_verdict(value: float | None, target: float, *, higher_is_better: bool = True) -> str:
    if value is None:
        return "not measured"
    met = value >= target if higher_is_better else value <= target
    return "met" if met else "missed"


_UNITS = {"us": 1e-3, "ms": 1.0, "s": 1e3, "m": 60e3}


def _milliseconds(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * _UNITS[unit]


def parse_wrk(output: str) -> dict:
    """Requests per second, latency percentiles (ms) and failures from `wrk --latency` output."""
    rps = re.search(r"Requests/sec:\s+([\d.]+)", output)
    requests = re.search(r"(\d+) requests in", output)
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    socket_errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    latency = {
        f"p{int(float(pct))}": _milliseconds(value)
        for pct, value in re.findall(r"^\s+(50|75|90|99)(?:\.000)?%\s+([\d.]+(?:us|ms|s|m))\s*$", output, re.MULTILINE)
    }
    return {
        "requests_per_second": float(rps.group(1)) if rps else None,
        "requests": int(requests.group(1)) if requests else 0,
        "non_2xx": int(non_2xx.group(1)) if non_2xx else 0,
        "socket_errors": sum(int(n) for n in socket_errors.groups()) if socket_errors else 0,
        "latency_ms": latency,
    }
