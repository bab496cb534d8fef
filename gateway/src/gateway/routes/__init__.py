"""HTTP routes; each module owns one resource and only translates HTTP <-> gRPC."""
