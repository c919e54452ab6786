/**
 * The formula grammar (fixest syntax, parsed by our own recursive-descent parser), expressions on
 * panels, and binding a formula to a panel ({@link org.econ4j.panel.formula.Formula#bind}) into a
 * {@link org.econ4j.panel.formula.ModelFrame}: the single place where rows with missing values are
 * dropped, each cause recorded as a {@link org.econ4j.core.Note}. See {@code docs/formula.md}.
 */
package org.econ4j.panel.formula;
