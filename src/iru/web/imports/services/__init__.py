"""Writes of imports: the DfE returns and the unit's files into every domain (`dataset`,
`unit`), uploads from the web page (`uploads`), and the record of each run (`runs`)."""
