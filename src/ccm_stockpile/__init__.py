"""ccm-stockpile: records, checks and follow-up for CCM Article 3 stockpile destruction and retention."""

__version__ = "0.1.0"
