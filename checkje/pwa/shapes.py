"""The shape of the offline page (content/pwa/offline.yaml)."""

from checkje.pages.shapes import PAGE_WITH_LINES, lines_exist

SCHEMAS = {"pwa/offline": PAGE_WITH_LINES}
CROSS_CHECKS = (lines_exist("pwa/offline"),)
