/** Gravity-model building blocks: country-pair (dyad) panels built from unit-level attributes. */
package org.econ4j.panel.gravity;
