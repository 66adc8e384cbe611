/** wirewatch registry service. */
package io.wirewatch.registry;
