"""The CRM suite's HTTP gateway: authentication, permissions, rate limits and the public /v1 API."""

__version__ = "0.1.0"
