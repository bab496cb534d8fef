"""Who is calling and what they may do: passwords, tokens, the access policy and the Principal."""
