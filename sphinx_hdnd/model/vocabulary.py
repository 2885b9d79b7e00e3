"""Words the data may use that both the records and the problem catalogue name (a module of
its own so that the catalogue depends on nothing else of the model)."""

#: the words the documents put before a figure ("hơn 171 tỷ đồng", "khoảng 20.951 tỷ đồng")
VALUE_QUALIFIERS = ("hơn", "trên", "khoảng", "gần", "dưới", "chưa đến", "ít nhất")
