"""What the records mean, computed once: party time and due years, the year series and its balance,
treaty facts, correspondence, and the views that `show`, `followup` and the documents format.

Between the dataset and the checks: checks, follow-up and rendering import it; it imports neither.
"""
