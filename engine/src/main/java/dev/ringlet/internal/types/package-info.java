/**
 * CQL data types: serialization, validation, comparison, literal parsing and formatting, JSON.
 *
 * <p>{@link dev.ringlet.internal.types.CqlType} is the contract. Native types are the constants of
 * {@link dev.ringlet.internal.types.NativeType}, each delegating to one package-private codec
 * ({@code IntCodec}, {@code TimestampCodec}, ...). Composite types are records whose byte layouts
 * live in {@code CollectionBytes}, {@code TupleBytes} and {@code VectorBytes}; text forms live in
 * {@code TimestampText}, {@code TimeText} and {@code DurationText}. {@link
 * dev.ringlet.internal.types.CqlTypes} reads type strings back. Byte layouts, orders and the
 * Cassandra quirks kept on purpose are listed in {@code FORMATS.md} beside this file.
 */
package dev.ringlet.internal.types;
