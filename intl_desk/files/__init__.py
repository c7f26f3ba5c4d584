"""Writing the files a user chose — exports, reports, copies — safely.

Below the store, reports and exchange, above the core: the output guard (no writer lands
on an office file or the files kept beside it), the names of those companion files, and
the streaming .xlsx writer. Nothing here opens an office file.
"""
