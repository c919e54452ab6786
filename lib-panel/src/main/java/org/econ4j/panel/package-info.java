/** Panels and panel estimators. */
package org.econ4j.panel;
