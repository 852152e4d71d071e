/** A component of a received message, as discord.js holds it. */
interface SerialisableComponent {
  toJSON(): unknown;
}

/**
 * Whether a message shows a component with this custom id, at any depth (rows, sections, containers).
 * Discord's client can only click what its message shows; a click naming anything else was forged, and
 * answering it with an update would overwrite a message that is not the handler's own.
 */
export function carriesCustomId(components: readonly SerialisableComponent[], customId: string): boolean {
  return components.some((component) => holds(component.toJSON(), customId));
}

function holds(node: unknown, customId: string): boolean {
  if (node === null || typeof node !== 'object') return false;
  const record = node as Record<string, unknown>;
  if (record.custom_id === customId) return true;
  return [record.components, record.component, record.accessory].some((child) => (Array.isArray(child) ? child.some((each) => holds(each, customId)) : holds(child, customId)));
}
