import { EntityManager } from 'typeorm';
import { Lecture } from './lectures/lecture.entity';
import { Lecturer } from './lecturers/lecturer.entity';
import { Theme } from './themes/theme.entity';
import { Venue } from './venues/venue.entity';

/** Result of resolving a name from a spreadsheet: the id, or why it could not be found. */
export type Resolved = { id: string } | { error: string };

/**
 * The catalogue's natural keys, both ways, for CSV: themes and venues by name, lectures by title,
 * lecturers by e-mail or (unambiguous) name. A municipal catalogue is small; it is loaded whole.
 */
export class CatalogueNames {
  private constructor(
    private readonly themes: Theme[],
    private readonly lecturers: Lecturer[],
    private readonly lectures: Lecture[],
    private readonly venues: Venue[],
  ) {}

  static async load(em: EntityManager): Promise<CatalogueNames> {
    const [themes, lecturers, lectures, venues] = await Promise.all([em.find(Theme), em.find(Lecturer), em.find(Lecture), em.find(Venue)]);
    return new CatalogueNames(themes, lecturers, lectures, venues);
  }

  themeName = (id: string) => this.themes.find((t) => t.id === id)?.name ?? '';
  lectureTitle = (id: string) => this.lectures.find((l) => l.id === id)?.title ?? '';
  venueName = (id: string | null) => this.venues.find((v) => v.id === id)?.name ?? '';
  /** E-mail when there is one (unique), else the name. */
  lecturerLabel = (id: string) => {
    const lecturer = this.lecturers.find((l) => l.id === id);
    return lecturer ? (lecturer.email ?? lecturer.name) : '';
  };

  theme(name: string): Resolved {
    return one(this.themes.filter((t) => t.name === name), `no theme named "${name}"`);
  }

  lecture(title: string): Resolved {
    return one(this.lectures.filter((l) => l.title === title), `no lecture titled "${title}"`);
  }

  venue(name: string): Resolved {
    return one(this.venues.filter((v) => v.name === name), `no venue named "${name}"`);
  }

  lecturer(label: string): Resolved {
    const key = label.toLowerCase();
    const byEmail = this.lecturers.filter((l) => l.email?.toLowerCase() === key);
    if (byEmail.length) return { id: byEmail[0].id };
    const byName = this.lecturers.filter((l) => l.name.toLowerCase() === key);
    if (byName.length > 1) return { error: `several lecturers are named "${label}": use the e-mail` };
    return one(byName, `no lecturer with the name or e-mail "${label}"`);
  }
}

function one(found: { id: string }[], error: string): Resolved {
  return found.length ? { id: found[0].id } : { error };
}
