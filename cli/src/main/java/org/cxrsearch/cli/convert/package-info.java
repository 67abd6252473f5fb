/** The {@code convert} command. */
package org.cxrsearch.cli.convert;
