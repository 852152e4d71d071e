import { APIActionRowComponent, APIComponentInMessageActionRow, APIMessageTopLevelComponent, ComponentType } from 'discord.js';

interface SerialisableComponent {
  toJSON(): APIMessageTopLevelComponent | APIActionRowComponent<APIComponentInMessageActionRow>;
}

export const PROCESSING_LABEL = 'Processing…';

/** The message's rows with every component disabled, and the clicked button showing that it is at work. */
export function disabledComponents(rows: readonly SerialisableComponent[], clickedCustomId: string): APIActionRowComponent<APIComponentInMessageActionRow>[] {
  return rows
    .map((row) => row.toJSON())
    .filter((row): row is APIActionRowComponent<APIComponentInMessageActionRow> => row.type === ComponentType.ActionRow)
    .map((row) => ({
      ...row,
      components: row.components.map((component) => {
        const clicked = component.type === ComponentType.Button && 'custom_id' in component && component.custom_id === clickedCustomId;
        return { ...component, disabled: true, ...(clicked ? { label: PROCESSING_LABEL } : {}) };
      }),
    }));
}
