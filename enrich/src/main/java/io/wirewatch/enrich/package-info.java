/** wirewatch enrich service. */
package io.wirewatch.enrich;
