"""Order intake: platform exports, spreadsheets and hand-typed orders into PackDesk.

Reading (`tables`, `cells`), understanding one format (`taobao`, `rowwise`), and storing
(`store`) are separate steps, so every format shares the same rules for identifiers,
repeats, updates and transactions. `service.import_files` is the entry point.
"""
