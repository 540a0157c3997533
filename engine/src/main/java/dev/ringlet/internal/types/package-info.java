/** CQL data types: serialization, validation, comparison, literal parsing and formatting. */
package dev.ringlet.internal.types;
