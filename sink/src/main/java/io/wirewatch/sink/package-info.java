/** wirewatch sink service. */
package io.wirewatch.sink;
