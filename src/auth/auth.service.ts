import { randomUUID } from 'node:crypto';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '../config/app-config';
import { Db } from '../database/db.service';
import { Problem } from '../common/problem';
import { AuditService } from '../audit/audit.service';
import { OrgUnit } from '../people/org-units/org-unit.entity';
import { Person } from '../people/people/person.entity';
import { PeopleService } from '../people/people/people.service';
import { toPersonResponse } from '../people/people/dto/person.dto';
import { hashPassword, verifyPassword } from './password';
import { LoginThrottle } from './login-throttle';
import { Principal } from './principal';
import { ChangePasswordDto, LoginDto, LoginResponse } from './dto/login.dto';

@Injectable()
export class AuthService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Auth');

  constructor(
    private readonly config: AppConfig,
    private readonly db: Db,
    private readonly jwt: JwtService,
    private readonly throttle: LoginThrottle,
    private readonly people: PeopleService,
    private readonly audit: AuditService,
  ) {}

  async login(dto: LoginDto, ip: string): Promise<LoginResponse> {
    this.throttle.assertAllowed(dto.email, ip);
    const person = await this.db.manager
      .createQueryBuilder(Person, 'p')
      .addSelect('p.passwordHash')
      .where('p.email = :email', { email: dto.email })
      .getOne();
    const ok = await verifyPassword(dto.password, person?.passwordHash);
    if (!ok || !person?.active) {
      this.throttle.recordFailure(dto.email, ip);
      throw new Problem(401, 'auth.wrongCredentials');
    }
    this.throttle.recordSuccess(dto.email, ip);
    const accessToken = await this.jwt.signAsync({ sub: person.id }, { expiresIn: this.config.authTokenTtlSeconds });
    return { accessToken, tokenType: 'Bearer', expiresIn: this.config.authTokenTtlSeconds, user: toPersonResponse(person) };
  }

  me(principal: Principal) {
    return this.people.get(principal, principal.id);
  }

  async changePassword(principal: Principal, dto: ChangePasswordDto): Promise<void> {
    const person = await this.db.manager
      .createQueryBuilder(Person, 'p')
      .addSelect('p.passwordHash')
      .where('p.id = :id', { id: principal.id })
      .getOneOrFail();
    if (!(await verifyPassword(dto.currentPassword, person.passwordHash))) {
      throw Problem.invalidField('currentPassword', 'auth.wrongCurrentPassword');
    }
    const passwordHash = await hashPassword(dto.newPassword);
    await this.db.write(async (em) => {
      await em.update(Person, { id: person.id }, { passwordHash });
      await this.audit.record(em, principal, 'update', 'person', person.id, { passwordHash: { from: '[redacted]', to: '[redacted]' } }, {
        subjectPersonId: person.id,
      });
    });
  }

  /** ADMIN_EMAIL + ADMIN_PASSWORD: how an operator gets into an empty installation. */
  async onApplicationBootstrap(): Promise<void> {
    const { adminEmail, adminPassword } = this.config;
    if (!adminEmail || !adminPassword) return;
    if (await this.db.manager.existsBy(Person, { email: adminEmail })) return;
    const passwordHash = await hashPassword(adminPassword);
    await this.db.write(async (em) => {
      let root = await em.findOne(OrgUnit, { where: { kind: 'administration' }, order: { path: 'ASC' } });
      if (!root) {
        const id = randomUUID();
        root = await em.save(em.create(OrgUnit, { id, name: 'Organisation', kind: 'administration', parentId: null, path: `/${id}/` }));
      }
      const admin = em.create(Person, { name: 'Administrator', email: adminEmail, orgUnitId: root.id, roles: ['admin'], passwordHash });
      await em.insert(Person, admin);
      await this.audit.created(em, null, 'person', admin.id, { email: adminEmail, roles: ['admin'] }, { subjectPersonId: admin.id });
    });
    this.logger.log('Created the bootstrap admin account from ADMIN_EMAIL');
  }
}
