"""Karabakh Timeline: land mines in Nagorno-Karabakh, 1991-2023, on a sourced timeline."""

__version__ = "0.1.0"
APP_NAME = "Karabakh Timeline"
