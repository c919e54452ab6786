/**
 * Tables: the generic {@link org.econ4j.core.table.Table} grid and its renderers ({@link
 * org.econ4j.core.table.TableFormat}: text, Markdown, LaTeX booktabs, HTML, CSV), and number
 * formatting. Regression tables are built on the same grid.
 */
package org.econ4j.core.table;
