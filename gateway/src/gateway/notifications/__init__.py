"""Live notifications (issue 9): which events tell which user what, the per-user inbox, the bus
consumer that fills it and the Redis channel every gateway replica streams from."""
