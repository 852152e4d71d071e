import { APIMessageComponent, APISelectMenuComponent, ComponentType } from 'discord.js';

export interface LocatedComponent {
  component: APIMessageComponent;
  /** Discord's form-error path, e.g. components.0.components.1 */
  path: string;
}

/** Every component of a message, depth first, including the rows and containers themselves. */
export function locateComponents(components: readonly APIMessageComponent[], path = 'components'): LocatedComponent[] {
  return components.flatMap((component, i) => {
    const here = `${path}.${i}`;
    let inner: LocatedComponent[] = [];
    if (component.type === ComponentType.ActionRow || component.type === ComponentType.Container) {
      inner = locateComponents(component.components, `${here}.components`);
    } else if (component.type === ComponentType.Section) {
      inner = [
        ...locateComponents(component.components, `${here}.components`),
        { component: component.accessory, path: `${here}.accessory` },
      ];
    }
    return [{ component, path: here }, ...inner];
  });
}

export function allComponents(components: readonly APIMessageComponent[]): APIMessageComponent[] {
  return locateComponents(components).map((located) => located.component);
}

export function isSelect(component: APIMessageComponent): component is APISelectMenuComponent {
  return (
    component.type === ComponentType.StringSelect ||
    component.type === ComponentType.UserSelect ||
    component.type === ComponentType.RoleSelect ||
    component.type === ComponentType.MentionableSelect ||
    component.type === ComponentType.ChannelSelect
  );
}

export function customIdOf(component: APIMessageComponent): string | undefined {
  if (isSelect(component)) return component.custom_id;
  if (component.type === ComponentType.Button && 'custom_id' in component) return component.custom_id;
  return undefined;
}
