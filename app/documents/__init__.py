"""Printable documents (waybills, labels, manifests), drawn with ReportLab into bytes."""
