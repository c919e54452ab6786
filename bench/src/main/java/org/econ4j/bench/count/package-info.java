/** JMH benchmarks of the count models (lib-count). */
package org.econ4j.bench.count;
