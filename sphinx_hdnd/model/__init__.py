"""The data model: records, loading, checks and computed values. No Sphinx here."""

from .dataset import Dataset
from .loader import load_dataset
from .origin import Origin
from .problems import CATALOGUE, Problem, ProblemLog, Severity

__all__ = ["CATALOGUE", "Dataset", "Origin", "Problem", "ProblemLog", "Severity", "load_dataset"]
