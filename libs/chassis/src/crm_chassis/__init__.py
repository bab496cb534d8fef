"""The CRM suite's shared service kit.

Import the submodule you need (``crm_chassis.db``, ``crm_chassis.outbox`` ...). This package
imports nothing heavy on purpose: a gRPC process must never load nameko/eventlet and a worker
process must never load grpcio (grpcio hangs under eventlet's monkey patching).
"""
