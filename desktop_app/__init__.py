"""重点项目调度台 (Key Project Desk): the ledger of a city's key investment projects."""

__version__ = "0.1.0"
APP_NAME = "重点项目调度台"
APP_ID = "keyprojects"
ORG_NAME = "LiaoyuanDRC"
