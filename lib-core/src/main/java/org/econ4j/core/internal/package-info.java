/** Internal machinery shared by the econ4j modules; not a public API. */
package org.econ4j.core.internal;
