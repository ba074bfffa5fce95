"""Ranking measures over one article's sentences in ranked order (True where check-worthy)."""


def precision_at(labels, k):
    """Check-worthy sentences among the first k, over k (an article with fewer than k sentences counts the missing as misses)."""
    return sum(labels[:k]) / k


def average_precision(labels):
    """The mean of the precision at each check-worthy sentence's rank; 0 when there is none."""
    hits, total = 0, 0.0
    for position, relevant in enumerate(labels, start=1):
        if relevant:
            hits += 1
            total += hits / position
    return total / hits if hits else 0.0
