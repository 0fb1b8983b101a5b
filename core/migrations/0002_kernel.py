"""The rest of the kernel: places, taxonomies, consent, staff roles, rate limits and the history
of every life cycle.

It comes after the libraries' migrations (the dependencies below): a migration step reloads the
models related to the ones it changes, and until now only the user existed among the portal's
models, so the libraries' two hundred steps stay cheap (test databases are built in half the
time)."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ('core', '0001_initial'),
        ('account', '0009_emailaddress_unique_primary_email'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('django_tasks_database', '0021_conditional_partial_index_ordering'),
        ('mfa', '0003_authenticator_type_uniq'),
        ('sessions', '0001_initial'),
        ('simple_translation', '0001_initial'),
        ('taggit', '0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx'),
        ('wagtailadmin', '0006_formstate'),
        ('wagtailcore', '0097_baselogentry_uuid_action_timestamp_indexes'),
        ('wagtaildocs', '0014_alter_document_file_size'),
        ('wagtailembeds', '0009_embed_cache_until'),
        ('wagtailforms', '0005_alter_formsubmission_form_data'),
        ('wagtailimages', '0027_image_description'),
        ('wagtailredirects', '0008_add_verbose_name_plural'),
        ('wagtailsearch', '0010_add_text_fields'),
        ('wagtailusers', '0015_userprofile_keyboard_shortcuts'),
    ]

    operations = [
        migrations.CreateModel(
            name='ActivityType',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=120, unique=True, verbose_name='ad (Türkçe)')),
                ('name_en', models.CharField(max_length=120, verbose_name='ad (İngilizce)')),
                ('slug', models.SlugField(max_length=80, unique=True, verbose_name='kısa ad')),
                ('description', models.TextField(blank=True, verbose_name='açıklama')),
                ('sort_order', models.PositiveSmallIntegerField(default=0, verbose_name='sıra')),
                ('is_active', models.BooleanField(default=True, help_text='Kullanımdan kaldırılan terim yeni kayıtlarda seçilemez, eski kayıtlarda kalır.', verbose_name='kullanımda')),
            ],
            options={
                'verbose_name': 'faaliyet türü',
                'verbose_name_plural': 'faaliyet türleri',
                'ordering': ['sort_order', 'name'],
                'abstract': False,
            },
        ),
        migrations.CreateModel(
            name='AddictionType',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=120, unique=True, verbose_name='ad (Türkçe)')),
                ('name_en', models.CharField(max_length=120, verbose_name='ad (İngilizce)')),
                ('slug', models.SlugField(max_length=80, unique=True, verbose_name='kısa ad')),
                ('description', models.TextField(blank=True, verbose_name='açıklama')),
                ('sort_order', models.PositiveSmallIntegerField(default=0, verbose_name='sıra')),
                ('is_active', models.BooleanField(default=True, help_text='Kullanımdan kaldırılan terim yeni kayıtlarda seçilemez, eski kayıtlarda kalır.', verbose_name='kullanımda')),
            ],
            options={
                'verbose_name': 'bağımlılık türü',
                'verbose_name_plural': 'bağımlılık türleri',
                'ordering': ['sort_order', 'name'],
                'abstract': False,
            },
        ),
        migrations.CreateModel(
            name='ConsentPurpose',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('key', models.SlugField(unique=True, verbose_name='anahtar')),
                ('name', models.CharField(max_length=120, verbose_name='ad (Türkçe)')),
                ('name_en', models.CharField(max_length=120, verbose_name='ad (İngilizce)')),
                ('is_active', models.BooleanField(default=True, verbose_name='kayıtta soruluyor')),
                ('sort_order', models.PositiveSmallIntegerField(default=0, verbose_name='sıra')),
            ],
            options={
                'verbose_name': 'rıza amacı',
                'verbose_name_plural': 'rıza amaçları',
                'ordering': ['sort_order', 'key'],
            },
        ),
        migrations.CreateModel(
            name='TargetGroup',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=120, unique=True, verbose_name='ad (Türkçe)')),
                ('name_en', models.CharField(max_length=120, verbose_name='ad (İngilizce)')),
                ('slug', models.SlugField(max_length=80, unique=True, verbose_name='kısa ad')),
                ('description', models.TextField(blank=True, verbose_name='açıklama')),
                ('sort_order', models.PositiveSmallIntegerField(default=0, verbose_name='sıra')),
                ('is_active', models.BooleanField(default=True, help_text='Kullanımdan kaldırılan terim yeni kayıtlarda seçilemez, eski kayıtlarda kalır.', verbose_name='kullanımda')),
                ('is_sensitive', models.BooleanField(default=False, help_text='Hassas gruplar (çocuklar, iyileşme sürecindeki kişiler) için yalnızca toplu sayılar tutulur.', verbose_name='hassas grup')),
            ],
            options={
                'verbose_name': 'hedef grup',
                'verbose_name_plural': 'hedef gruplar',
                'ordering': ['sort_order', 'name'],
                'abstract': False,
            },
        ),
        migrations.CreateModel(
            name='WorkingArea',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=120, unique=True, verbose_name='ad (Türkçe)')),
                ('name_en', models.CharField(max_length=120, verbose_name='ad (İngilizce)')),
                ('slug', models.SlugField(max_length=80, unique=True, verbose_name='kısa ad')),
                ('description', models.TextField(blank=True, verbose_name='açıklama')),
                ('sort_order', models.PositiveSmallIntegerField(default=0, verbose_name='sıra')),
                ('is_active', models.BooleanField(default=True, help_text='Kullanımdan kaldırılan terim yeni kayıtlarda seçilemez, eski kayıtlarda kalır.', verbose_name='kullanımda')),
            ],
            options={
                'verbose_name': 'çalışma alanı',
                'verbose_name_plural': 'çalışma alanları',
                'ordering': ['sort_order', 'name'],
                'abstract': False,
            },
        ),
        migrations.CreateModel(
            name='ConsentText',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('version', models.PositiveSmallIntegerField(verbose_name='sürüm')),
                ('body', models.TextField(verbose_name='metin (Türkçe)')),
                ('body_en', models.TextField(verbose_name='metin (İngilizce)')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='oluşturulma')),
                ('purpose', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='texts', to='core.consentpurpose', verbose_name='amaç')),
            ],
            options={
                'verbose_name': 'rıza metni',
                'verbose_name_plural': 'rıza metinleri',
                'ordering': ['purpose', '-version'],
                'get_latest_by': 'version',
            },
        ),
        migrations.CreateModel(
            name='ConsentRecord',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('granted_at', models.DateTimeField(verbose_name='verildiği zaman')),
                ('withdrawn_at', models.DateTimeField(blank=True, null=True, verbose_name='geri alındığı zaman')),
                ('source', models.CharField(default='account', max_length=30, verbose_name='kaynak')),
                ('purpose', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='records', to='core.consentpurpose', verbose_name='amaç')),
                ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='consents', to=settings.AUTH_USER_MODEL, verbose_name='kişi')),
                ('text', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='records', to='core.consenttext', verbose_name='metin')),
            ],
            options={
                'verbose_name': 'rıza kaydı',
                'verbose_name_plural': 'rıza kayıtları',
                'ordering': ['-granted_at'],
            },
        ),
        migrations.CreateModel(
            name='Province',
            fields=[
                ('code', models.PositiveSmallIntegerField(primary_key=True, serialize=False, verbose_name='plaka kodu')),
                ('name', models.CharField(max_length=40, unique=True, verbose_name='ad')),
                ('slug', models.SlugField(max_length=40, unique=True, verbose_name='kısa ad')),
                ('neighbours', models.ManyToManyField(blank=True, to='core.province', verbose_name='komşu iller')),
            ],
            options={
                'verbose_name': 'İl',
                'verbose_name_plural': 'İller',
                'ordering': ['code'],
            },
        ),
        migrations.CreateModel(
            name='District',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=60, verbose_name='ad')),
                ('slug', models.SlugField(max_length=60, verbose_name='kısa ad')),
                ('province', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='districts', to='core.province', verbose_name='İl')),
            ],
            options={
                'verbose_name': 'İlçe',
                'verbose_name_plural': 'İlçeler',
                'ordering': ['province_id', 'slug'],
            },
        ),
        migrations.CreateModel(
            name='RateLimitCount',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('key', models.CharField(max_length=200, verbose_name='anahtar')),
                ('window_start', models.DateTimeField(verbose_name='pencere başlangıcı')),
                ('expires_at', models.DateTimeField(db_index=True, verbose_name='bitiş')),
                ('count', models.PositiveIntegerField(default=0, verbose_name='sayı')),
            ],
            options={
                'verbose_name': 'sınır sayacı',
                'verbose_name_plural': 'sınır sayaçları',
                'constraints': [models.UniqueConstraint(fields=('key', 'window_start'), name='rate_limit_one_per_window')],
            },
        ),
        migrations.CreateModel(
            name='RoleAssignment',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('role', models.CharField(choices=[('reviewer', 'Değerlendirici'), ('board', 'Akreditasyon kurulu üyesi'), ('coordinator', 'İl koordinatörü'), ('editor', 'Editör'), ('admin', 'Yönetici')], max_length=20, verbose_name='rol')),
                ('granted_at', models.DateTimeField(auto_now_add=True, verbose_name='atanma zamanı')),
                ('granted_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='atayan')),
                ('province', models.ForeignKey(blank=True, help_text='Boş bırakılırsa ulusal düzeyde.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='role_assignments', to='core.province', verbose_name='İl')),
                ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='role_assignments', to=settings.AUTH_USER_MODEL, verbose_name='kişi')),
            ],
            options={
                'verbose_name': 'rol ataması',
                'verbose_name_plural': 'rol atamaları',
                'ordering': ['role', 'province_id'],
            },
        ),
        migrations.CreateModel(
            name='StatusChange',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('object_id', models.CharField(max_length=64)),
                ('from_status', models.CharField(blank=True, max_length=40, verbose_name='önceki durum')),
                ('to_status', models.CharField(max_length=40, verbose_name='yeni durum')),
                ('note', models.TextField(blank=True, verbose_name='gerekçe')),
                ('at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='zaman')),
                ('by', models.ForeignKey(blank=True, help_text='Boşsa işlemi portal kendisi yaptı (ör. süre dolumu).', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='yapan')),
                ('content_type', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='contenttypes.contenttype')),
            ],
            options={
                'verbose_name': 'durum değişikliği',
                'verbose_name_plural': 'durum değişiklikleri',
                'ordering': ['at', 'pk'],
            },
        ),
        migrations.CreateModel(
            name='SupportUnit',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('bdb', 'Bağımlılık Danışma Birimi (BDB)'), ('treatment', 'Tedavi merkezi (AMATEM / ÇEMATEM)'), ('social_cohesion', 'Sosyal Uyum Birimi'), ('other', 'Diğer destek birimi')], default='bdb', max_length=20, verbose_name='tür')),
                ('name', models.CharField(max_length=200, verbose_name='ad')),
                ('address', models.CharField(blank=True, max_length=300, verbose_name='adres')),
                ('phone', models.CharField(blank=True, max_length=30, verbose_name='telefon')),
                ('website', models.URLField(blank=True, verbose_name='web adresi')),
                ('is_active', models.BooleanField(default=True, verbose_name='gösteriliyor')),
                ('district', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='support_units', to='core.district', verbose_name='İlçe')),
                ('province', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='support_units', to='core.province', verbose_name='İl')),
            ],
            options={
                'verbose_name': 'destek birimi',
                'verbose_name_plural': 'destek birimleri',
                'ordering': ['province_id', 'name'],
            },
        ),
        migrations.AddConstraint(
            model_name='consenttext',
            constraint=models.UniqueConstraint(fields=('purpose', 'version'), name='consent_text_version', violation_error_message='Bu amacın bu sürümde bir metni zaten var.'),
        ),
        migrations.AddConstraint(
            model_name='consentrecord',
            constraint=models.UniqueConstraint(condition=models.Q(('withdrawn_at__isnull', True)), fields=('user', 'purpose'), name='consent_one_in_force_per_purpose'),
        ),
        migrations.AddConstraint(
            model_name='consentrecord',
            constraint=models.CheckConstraint(condition=models.Q(('withdrawn_at__isnull', True), ('withdrawn_at__gte', models.F('granted_at')), _connector='OR'), name='consent_withdrawn_after_granted'),
        ),
        migrations.AddConstraint(
            model_name='province',
            constraint=models.CheckConstraint(condition=models.Q(('code__gte', 1), ('code__lte', 81)), name='province_plate_code_range'),
        ),
        migrations.AddConstraint(
            model_name='district',
            constraint=models.UniqueConstraint(fields=('province', 'slug'), name='district_slug_per_province'),
        ),
        migrations.AddConstraint(
            model_name='district',
            constraint=models.UniqueConstraint(fields=('province', 'name'), name='district_name_per_province'),
        ),
        migrations.AddConstraint(
            model_name='roleassignment',
            constraint=models.UniqueConstraint(fields=('user', 'role', 'province'), name='role_assignment_unique', violation_error_message='Bu kişi bu rolü bu ilde zaten üstleniyor.'),
        ),
        migrations.AddConstraint(
            model_name='roleassignment',
            constraint=models.UniqueConstraint(condition=models.Q(('province__isnull', True)), fields=('user', 'role'), name='role_assignment_unique_national', violation_error_message='Bu kişi bu rolü ulusal düzeyde zaten üstleniyor.'),
        ),
        migrations.AddConstraint(
            model_name='roleassignment',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('role__in', ['coordinator', 'reviewer']), _negated=True), ('province__isnull', False), _connector='OR'), name='role_assignment_scoped_roles_have_province', violation_error_message='Değerlendirici ve il koordinatörü rolleri bir il için atanır; il seçin.'),
        ),
        migrations.AddConstraint(
            model_name='roleassignment',
            constraint=models.CheckConstraint(condition=models.Q(('role__in', ['reviewer', 'board', 'coordinator', 'editor', 'admin'])), name='role_assignment_role_valid'),
        ),
        migrations.AddIndex(
            model_name='statuschange',
            index=models.Index(fields=['content_type', 'object_id', 'at'], name='core_status_content_0ec41e_idx'),
        ),
        migrations.AddConstraint(
            model_name='statuschange',
            constraint=models.CheckConstraint(condition=models.Q(('from_status', models.F('to_status')), _negated=True), name='status_change_moves'),
        ),
    ]
